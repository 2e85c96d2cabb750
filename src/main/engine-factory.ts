/**
 * The one place the desktop shell meets the engine. Not connected yet: the engine's AppService
 * implementation is another piece of work; until then the app starts, says so, and quits.
 */
import type { CreateDesktopEngine } from './engine-port';

export const createDesktopEngine: CreateDesktopEngine = async () => {
  throw new Error('the engine is not connected to the desktop app yet (src/main/engine-factory.ts)');
};
