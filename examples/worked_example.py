# The worked example: the gradient of f(w, x) = sum(w * x).
#
# Each top-level expression shows its value in the editor (and in `gradlens check`); the
# comment after `# →` states what we expect, and Grad Lens checks it.
import jax
import jax.numpy as jnp


# @grad w=2.0, x=jnp.array([1.0, 3.0])
def f(w, x):
    return jnp.sum(w * x)


x = jnp.array([1.0, 3.0])

f(2.0, x)  # → 8.0
jax.grad(f)(2.0, x)  # → 4.0  (1 + 3: the derivative of w*1 + w*3 in w)
jax.grad(f, argnums=1)(2.0, x)  # → [2. 2.]  (w, for each x_i)
jax.grad(f, argnums=(0, 1))(2.0, x)  # → (4.0, [2. 2.])
jax.value_and_grad(f)(2.0, x)  # → (8.0, 4.0)
