export type Instance = { index: number; port: number; pid: number | null; restarts: number };
export type Health = { status: string; buildId: string; content: number; stories: number };
export type Cluster = {
  url: string;
  work: string;
  redisUrl?: string;
  instances: Instance[];
  kill(index: number, signal?: NodeJS.Signals): void;
  waitForRestart(index: number, oldPid: number | null, timeoutMs?: number): Promise<Health>;
  restartInstance(index: number): Promise<Health>;
  rollingRestart(): Promise<void>;
  stopInstances(signal?: NodeJS.Signals): Promise<void>;
  startInstances(): Promise<void>;
  stop(): Promise<void>;
};
export function startCluster(options?: {
  instances?: number;
  port?: number;
  distDir?: string;
  standalone?: string;
  store?: string;
  redis?: boolean;
  log?: (message: string) => void;
}): Promise<Cluster>;
