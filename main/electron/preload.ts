/**
 * Exposes exactly the contract's api to the page as `window.api`: one function per channel that
 * forwards its input to main and returns the envelope. ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, type Api } from '../../shared/contract';

const api = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as unknown as Api;

contextBridge.exposeInMainWorld('api', api);
