export declare function buildSimCli(): Promise<{ bin: string; dir: string; dispose(): void }>;
