// Jest setup for the main run: the emulator plays its default choice of each undocumented behaviour.
process.env.SWP_AMBIGUITIES = 'default';
