/**
 * The little of guacamole-common-js 1.5 this example uses (the package ships no types). An app with its own
 * declarations, or `@types/guacamole-common-js`, uses those instead: the adapter only needs the Tunnel contract.
 */
declare module 'guacamole-common-js' {
  import type { GuacamoleSessionTunnel, GuacamoleStatusLike } from '../../src/guacamole-common-js/index.js';

  namespace Guacamole {
    class Display {
      getElement(): HTMLElement;
      /** A canvas with every visible layer drawn into it. */
      flatten(): HTMLCanvasElement;
    }
    class Client {
      constructor(tunnel: GuacamoleSessionTunnel);
      connect(data?: string): void;
      disconnect(): void;
      getDisplay(): Display;
      sendMouseState(state: Mouse.State): void;
      sendKeyEvent(pressed: 0 | 1, keysym: number): void;
      onerror: ((status: GuacamoleStatusLike) => void) | null;
      onstatechange: ((state: number) => void) | null;
    }
    class Mouse {
      constructor(element: Element);
      onEach(types: string[], listener: (event: { readonly state: Mouse.State }) => void): void;
    }
    namespace Mouse {
      interface State {
        readonly x: number;
        readonly y: number;
      }
    }
    class Keyboard {
      constructor(element: Document | Element);
      onkeydown: ((keysym: number) => boolean | void) | null;
      onkeyup: ((keysym: number) => void) | null;
    }
  }
  export default Guacamole;
}
