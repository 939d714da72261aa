// Jest setup for the second integration run: every undocumented behaviour flipped (emulator/ambiguities.ts).
process.env.SWP_AMBIGUITIES = 'flipped';
