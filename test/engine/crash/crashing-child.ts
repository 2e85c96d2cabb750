// A process that crashes with an error carrying an API key the way an HTTP client's error would
// (in its request config), with the crash guard installed as the CLI installs it.
import { installCrashGuard, setCrashSecrets } from '../../../src/engine/crash-guard';

const key = process.argv[2];
const how = process.argv[3];
installCrashGuard(process, { write: (text) => process.stderr.write(`${text}\n`), exit: (code) => process.exit(code) });
setCrashSecrets(() => [key]);

const error = Object.assign(new Error(`request to http://radarr.local/api/v3/movie?apikey=${key} failed`), {
  config: { headers: { 'X-Api-Key': key, 'User-Agent': 'Trawlarr/0.1.0' }, params: { other: key } },
});
if (how === 'reject') void Promise.reject(error);
else setTimeout(() => {
  throw error;
}, 1);
