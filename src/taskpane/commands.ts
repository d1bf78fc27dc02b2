/// <reference types="office-js" />
/**
 * The ribbon's function file. The manifest's button only shows the task pane, which needs no code;
 * Office still loads this page and waits for it to be ready.
 */
void Office.onReady();
