// Composition root of the desktop app (filled in by the desktop-shell issue).
import { app } from 'electron';

void app.whenReady().then(() => {
  // nothing yet
});
