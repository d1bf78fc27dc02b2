/** LibreOffice's command on PATH (`soffice`, or `libreoffice` as some distributions name it); undefined when neither is installed. */
import { execFileSync } from 'child_process';

export const SOFFICE: string | undefined = ['soffice', 'libreoffice'].find((cmd) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
