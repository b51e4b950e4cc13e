// mapshaper ships no type declarations; only the programmatic entry point the build uses.
declare module 'mapshaper' {
  const mapshaper: {
    /** Runs mapshaper commands on in-memory inputs; resolves to the output files by name. */
    applyCommands(commands: string, inputs?: Record<string, unknown>): Promise<Record<string, string | Uint8Array>>;
  };
  export default mapshaper;
}
