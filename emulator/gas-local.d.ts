// Types for the one gas-local call the emulator makes (the package ships none).
declare module 'gas-local' {
  import type { Context } from 'node:vm';

  const gasLocal: {
    /** Runs every matching .js file of `folder` in a vm context made from `globals`. */
    require(
      folder: string,
      globals: object,
      options?: { filter?: (file: string) => boolean },
    ): Context;
  };
  export default gasLocal;
}
