# The first exercise, solved: the derivative with respect to w of
#     L(w, b, x) = sum_i (w * x_i + b) ** 2
# which in closed form is sum_i 2 * (w * x_i + b) * x_i.
import jax
import jax.numpy as jnp


def loss(w, b, x):
    return jnp.sum((w * x + b) ** 2)


def grad_of_quadratic(w, b, x):
    # argnums=0 (the default) is w; float() because jax.grad refuses integer inputs
    return jax.grad(loss)(float(w), b, x)


grad_of_quadratic(0.0, 1.0, jnp.array([1.0, 2.0]))  # → 6.0   (2*1*1 + 2*1*2)
grad_of_quadratic(1.0, 2.0, jnp.array([3.0]))  # → 30.0  (2 * 5 * 3)
