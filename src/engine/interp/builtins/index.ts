// Installs the slots and methods of the built-in classes (imported for its side effects by
// protocol.ts, so any user of the protocol sees a complete object model).

import './exceptions';
import './numeric';
import './complex';
import './sequences';
import './str';
import './containers';
import './misc';
