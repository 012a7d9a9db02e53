export { LABEL_COLORS, wecenaLabelSpecs } from './label-specs';
export {
  RepositoryConfigFile,
  categoryOfLabels,
  defaultRepositoryConfig,
  formatConfigPath,
  hasWecenaLabel,
  isWecenaLabel,
  parseRepositoryConfig,
  sizeOfLabel,
  skillsOfLabels,
  type ConfigProblem,
  type ParseRepositoryConfigResult,
  type RepositoryConfig,
  type WecenaLabels,
} from './repository-config';
