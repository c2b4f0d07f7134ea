/** Writers for run outputs (filled by the load issue). */
export {};
