export { createGuacamoleProfile, guacamoleProfile } from './profile.js';
export { guacamoleSessionMachine } from './machine.js';
export { createGuacamoleCodec } from './codec.js';
export type { GuacamoleCodecOptions, GuacamoleInstruction, GuacamoleWireCodec } from './codec.js';
export { GuacamoleParser } from './parser.js';
export { encodeInstruction, GUACAMOLE_SEND_LIMITS } from './encoder.js';
