// numpy.random op modules: seeding and generator objects, float draws, bounded integers,
// choice, permutation and shuffle. Each file registers its OpModules on import.

import './seed';
import './floats';
import './integers';
import './choice';
import './permute';
