// A synthetic but realistic file for the large-file benchmark: `functions` annotated loss
// functions, padded with ordinary code to about `lines` lines.

export function generatedFile(functions: number, lines: number): string {
  const out = ['import jax', 'import jax.numpy as jnp', ''];
  const perFunction = Math.floor((lines - 3) / functions);
  for (let k = 0; k < functions; k++) {
    const block = [
      `# @grad w=${(k % 7) + 0.5}, x=jnp.arange(4.0)`,
      `def loss_${k}(w, x):`,
      `    y = w * x + ${k}.0`,
      `    z = jnp.tanh(y) ** 2`,
      `    return jnp.sum(z) / (1.0 + ${k})`,
      '',
      `jax.grad(loss_${k})(1.5, jnp.arange(4.0))`,
      '',
    ];
    while (block.length < perFunction) block.push(`c_${k}_${block.length} = ${k} * ${block.length} + 1`);
    out.push(...block);
  }
  return out.join('\n');
}
