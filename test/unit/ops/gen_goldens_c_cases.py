# The cases of gen_goldens_c.py, by group. Inputs include the course's TP4 shapes (4 tokens,
# d=4 embeddings, 4×2 projections; 2 heads of d_head=3) and the fixture corpus's calls.
import numpy as np

nan, inf = np.nan, np.inf


def build(case, A, T):
    rng = np.random.RandomState(4)
    X = rng.randn(4, 4)                 # "Le chat noir dort." embeddings, d=4
    W = rng.randn(4, 2)
    S = rng.randn(3, 5)
    I = np.array([[3, -7, 2], [0, 5, -1]])
    T3 = rng.randn(2, 3, 4)
    P = np.array([0.5, 2.0, 4.0, 10.0])
    N = np.array([[1.0, nan, 3.0], [nan, nan, nan], [4.0, 5.0, -1.0]])

    # ---- ufuncs: out= / where=, new ufuncs
    g = 'ufunc'
    case(g, 'np.add', X, 1.0, out=np.zeros((4, 4)))
    case(g, 'np.add', np.ones(3), 1, out=np.zeros((2, 3)))
    case(g, 'np.add', np.ones(3), 1, out=(np.zeros(3),))
    case(g, 'np.add', np.ones(3), 1, out=np.zeros(2))
    case(g, 'np.add', np.ones((2, 3)), 1, out=np.zeros(3))
    case(g, 'np.add', np.ones(3), 1, out=np.zeros(2), where=np.ones(4, bool))
    case(g, 'np.add', np.ones(1), 1, out=np.zeros(1, np.int64))
    case(g, 'np.add', A([1, 2, 3]), 5, out=np.zeros(3, np.int32))
    case(g, 'np.add', A([100, 100], np.int8), np.int8(100), out=np.zeros(2, np.int64))
    case(g, 'np.add', A([1, 2]), 1, out=np.zeros(2, np.int8))
    case(g, 'np.add', A([1.0, 2.0]), 1, out=np.zeros(2, bool))
    case(g, 'np.add', np.float64(1e-9), np.ones(3, np.float32), out=np.zeros(3, np.float32))
    case(g, 'np.add', A([1.0, 2.0, 3.0]), 1, np.zeros(3))
    case(g, 'np.add', A([1.0, 2.0, 3.0]), 1, np.zeros(3), out=np.zeros(3))
    case(g, 'np.add', A([1.0, 2.0, 3.0]), 1, out=np.zeros(3), where=A([True, False, True]))
    case(g, 'np.add', A([1.0, 2.0, 3.0]), 1, out=np.zeros(3), where=A([1, 0, 1]))
    case(g, 'np.add', A([1.0, 2.0, 3.0]), 1, out=np.zeros(3), where=[True, False, True])
    case(g, 'np.add', np.ones(3), 1, out=np.full((2, 3), -1.0), where=A([[True], [False]]))
    case(g, 'np.multiply', W, 2.0, out=np.empty((4, 2)))
    case(g, 'np.sqrt', A([2], np.int8), out=np.zeros(1))
    case(g, 'np.sqrt', np.ones(2), out=np.zeros(2, np.int64))
    case(g, 'np.exp', np.ones(2, np.float32), out=np.zeros(2, np.float16))
    case(g, 'np.exp', X, out=np.zeros((4, 4)))
    case(g, 'np.log', A([1.0, 0.0, 4.0]), out=np.full(3, -1.0), where=A([True, False, True]))
    case(g, 'np.log', P, out=np.zeros(4), where=P > 1)
    case(g, 'np.log', A([1.0, 0.0, -1.0]), out=np.zeros(3), where=A([True, True, False]))
    case(g, 'np.divide', A([1, 2]), A([2, 0]), out=np.zeros(2), where=A([2, 0]) != 0)
    case(g, 'np.divide', A([1, 2]), 2, out=np.zeros(2, np.int64))
    case(g, 'np.true_divide', A([[1.0, 2.0], [3.0, 4.0]]), A([2.0, 4.0]), out=np.zeros((2, 2)))
    case(g, 'np.floor_divide', np.ones(2), 1, out=np.zeros(2, np.int64))
    case(g, 'np.less', np.ones(2), 1, out=np.zeros(2))
    case(g, 'np.negative', np.ones(3), out=np.zeros((2, 3)))
    case(g, 'np.maximum', S, 0.0, out=np.zeros((3, 5)))
    case(g, 'np.subtract', X, X.max(axis=-1, keepdims=True), out=np.zeros((4, 4)))
    case(g, 'np.exp', np.ones(2), where=[True, False, True])
    case(g, 'np.add', 1.0, 2.0, out=np.zeros(()))
    case(g, 'np.add', 1, 2, out=[1])
    for x in [P, A([1, 2, 0, -1, -3]), A([True, False]), A([0, 3], np.uint8), A([0.0, -0.0, inf]), np.ones(2, np.float32) * 3]:
        case(g, 'np.reciprocal', x)
    for f in ['exp2', 'arcsinh', 'arccosh', 'arctanh', 'deg2rad', 'rad2deg', 'radians', 'degrees']:
        case(g, f'np.{f}', P)
        case(g, f'np.{f}', A([-1.0, 0.0, 1.0, 2000.0, nan]))
        case(g, f'np.{f}', A([1, 2, 3], np.int16))
    case(g, 'np.exp2', A([0, 3, 10]))
    for f in ['arctan2', 'hypot', 'logaddexp', 'logaddexp2', 'heaviside']:
        case(g, f'np.{f}', S, W[:, :1].T[:, :1] if False else A([[-1.0], [0.0], [2.0]]))
        case(g, f'np.{f}', A([0.0, -0.0, 1.0, -inf, inf, nan]), A([0.0, 1.0, 0.5, -inf, inf, 2.0]))
        case(g, f'np.{f}', A([1, 2]), A([3, 4]))
    case(g, 'np.logaddexp', A([1000.0, -1000.0]), A([1000.0, -1001.0]))
    case(g, 'np.hypot', A([1e300]), A([1e300]))
