export { lineOfConfigKeys, readRepositoryConfigText } from './config-text';
export type { ConfigText, ConfigTextProblem, ReadConfigTextResult } from './config-text';
export { formatConfigProblem, readRepositoryConfig } from './read-repository-config';
export type { RepositoryConfigReading } from './read-repository-config';
