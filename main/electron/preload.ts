/**
 * Exposes exactly the contract's api to the page as `window.api`: one function per channel that
 * forwards its input to main and returns the envelope. ipcRenderer itself never reaches the page.
 * A passphrase comes from the page as a Uint8Array of its UTF-8 bytes and reaches main as one (IPC's
 * structured clone keeps typed arrays), so no string of it is made on the way.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, type Api } from '../../shared/contract';

const api = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as unknown as Api;

contextBridge.exposeInMainWorld('api', api);
