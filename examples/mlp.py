# A small MLP trained for a few SGD steps: dict parameters, a tanh hidden layer,
# jax.tree_util.tree_map updates, per-example gradient norms with vmap(grad(...)),
# and one Newton step with jax.hessian on a small convex problem.
import jax
import jax.numpy as jnp

X = jnp.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.5, -0.5]])
Y = jnp.array([1.0, -1.0, 0.5, 0.0])

params = {
    "W1": jnp.array([[0.1, -0.2, 0.3], [0.4, 0.1, -0.1]]),
    "b1": jnp.array([0.0, 0.1, -0.1]),
    "W2": jnp.array([0.5, -0.3, 0.2]),
    "b2": jnp.array(0.05),
}


def predict(params, x):
    hidden = jnp.tanh(x @ params["W1"] + params["b1"])
    return hidden @ params["W2"] + params["b2"]


def loss(params, x, y):
    return jnp.mean((predict(params, x) - y) ** 2)


def example_loss(params, x, y):
    return (predict(params, x) - y) ** 2


learning_rate = 0.1
losses = []
for step in range(3):
    losses.append(loss(params, X, Y))
    grads = jax.grad(loss)(params, X, Y)
    params = jax.tree_util.tree_map(lambda p, g: p - learning_rate * g, params, grads)
final_loss = loss(params, X, Y)
jnp.stack(losses)
final_loss

# Per-example gradient norms: one gradient per row of X, in one vectorised call.
per_example = jax.vmap(jax.grad(example_loss), in_axes=(None, 0, 0))(params, X, Y)
grad_norms = jnp.sqrt(sum(jnp.sum(g.reshape(4, -1) ** 2, axis=1) for g in jax.tree_util.tree_leaves(per_example)))
grad_norms


# Newton's method on a convex function: f(w) = sum(exp(A w)) + 0.5 |w|^2.
A = jnp.array([[1.0, 0.5], [-0.3, 1.0], [0.2, -0.4]])


def convex(w):
    return jnp.sum(jnp.exp(A @ w)) + 0.5 * jnp.sum(w ** 2)


w0 = jnp.array([0.5, -0.5])
newton_step = jnp.linalg.solve(jax.hessian(convex)(w0), jax.grad(convex)(w0))
w1 = w0 - newton_step
w1
(convex(w0), convex(w1))
