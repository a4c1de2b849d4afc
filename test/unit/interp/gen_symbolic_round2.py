# Generates symbolic-sizes-round2.json: the shapes and dtypes numpy gives for every array of
# symbolic-sizes-round2.py, run once per TP4 sentence read from stdin (n = 5 and n = 8 words).
# The tracer cannot read stdin: its shapes say n, and must equal numpy's for either sentence.
# Run: /usr/bin/python3 test/unit/interp/gen_symbolic_round2.py
import io, json, os, sys
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
source = open(os.path.join(here, 'symbolic-sizes-round2.py')).read()
runs = []
for sentence in ['Le chat noir dort .', 'Le soleil brille doucement sur la rivière .']:
    sys.stdin = io.StringIO(sentence + '\n')
    env = {}
    exec(source, env)
    arrays = {k: {'shape': list(v.shape), 'dtype': str(v.dtype)} for k, v in env.items() if isinstance(v, np.ndarray)}
    runs.append({'sentence': sentence, 'n': env['n'], 'arrays': arrays, 'h2': env['h2'].ravel().tolist()})
sys.stdin = sys.__stdin__
with open(os.path.join(here, 'symbolic-sizes-round2.json'), 'w') as f:
    json.dump({'numpy': np.__version__, 'runs': runs}, f, indent=1, ensure_ascii=False)
