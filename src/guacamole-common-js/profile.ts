/**
 * The Guacamole profile for sessions that guacamole-common-js draws: its codec does not acknowledge `sync`, because
 * Guacamole.Client does, once it has drawn the frame (guacd paces its frames by those acknowledgements). Everything
 * else is the `guacamole` profile's: the transport's tunnel ping every 500 ms and guacd's `nop` every 5 s.
 */
import { createGuacamoleProfile } from '../../machines/guacamole/profile.js';
import type { Profile } from '../../machines/profile.js';

export const guacamoleCommonJsProfile: Profile = /* @__PURE__ */ createGuacamoleProfile({ ackSync: false });
