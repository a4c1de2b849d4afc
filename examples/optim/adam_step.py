# Adam (Kingma & Ba, 2015) en notation du cours : moments m_t et v_t, correction du biais,
# β₁ = 0.9, β₂ = 0.999, ε = 1e-8. Trois pas sur la perte L(θ) = ‖θ‖², de gradient 2θ.
import numpy as np

lr = 0.1
beta1 = 0.9
beta2 = 0.999
eps = 1e-8

theta = np.array([1.0, -2.0, 0.5])
m = np.zeros_like(theta)          # premier moment
v = np.zeros_like(theta)          # second moment

for t in range(1, 4):
    g = 2 * theta                                 # ∇L(θ)
    m = beta1 * m + (1 - beta1) * g               # m_t = β₁ m_{t-1} + (1 − β₁) g_t
    v = beta2 * v + (1 - beta2) * g ** 2          # v_t = β₂ v_{t-1} + (1 − β₂) g_t²
    m_hat = m / (1 - beta1 ** t)                  # correction du biais
    v_hat = v / (1 - beta2 ** t)
    theta = theta - lr * m_hat / (np.sqrt(v_hat) + eps)
    print(f"t = {t} : θ = {theta.round(5)}")
