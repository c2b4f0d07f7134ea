// pdf.js ships no types for its worker bundle; ledgerlift uses only the handler that serves a port.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: {
    /** Serve pdf.js's worker side on `port` (messages to and from the main-thread half). */
    initializeFromPort(port: unknown): void;
  };
}
