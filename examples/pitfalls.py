# The four classic mistakes with jax.grad. Grad Lens reports each one with JAX's own error
# text on the line where JAX raises it, and offers a quick fix.
import jax
import jax.numpy as jnp


def residuals(w, b, x):
    return (w * x + b) ** 2  # not a scalar: one value per element of x


def loss(w, b, x):
    return jnp.sum((w * x + b) ** 2)


x = jnp.array([1.0, 2.0])

# 1. Non-scalar output: jax.grad needs a function that returns a single number.
jax.grad(residuals)(0.0, 1.0, x)

# 2. argnums: jax.grad differentiates argument 0 unless told otherwise, and an index past the
#    last positional argument is an error (loss has three: w=0, b=1, x=2).
jax.grad(loss, argnums=3)(0.0, 1.0, x)

# 3. Integer inputs: gradients are defined only for floating-point inputs.
jax.grad(loss)(0, 1.0, x)

# 4. Calling the function instead of passing it.
jax.grad(loss(0.0, 1.0, x))
