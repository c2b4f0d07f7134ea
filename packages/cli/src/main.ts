/** The ledgerlift command (filled by the foundation issue). */
process.stdout.write('ledgerlift: not implemented yet\n');
