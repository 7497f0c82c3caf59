/** The database: one schema and migrations on PostgreSQL or embedded PGlite, and the repositories over it. */
export {
  openDatabase,
  DEFAULT_PGLITE_DIR,
  type Database,
  type OpenDatabaseOptions,
} from './open-database.js';
export { IN_MEMORY } from './pglite-connection.js';
export type { Db, DatabaseKind, Clock } from './db.js';
export { MIGRATIONS_FOLDER } from './migrate.js';
export { DataDirLockedError, PGLITE_LOCK_FILE } from './pglite-lock.js';
export {
  UsersRepository,
  UsernameTakenError,
  usernameKey,
  MAX_USER_PAGE_SIZE,
  type User,
  type CreateUserInput,
  type ListUsersQuery,
  type UserListItem,
  type UserPage,
} from './users-repository.js';
export {
  SessionsRepository,
  hashSessionToken,
  LAST_SEEN_RESOLUTION_MS,
  type NewSession,
} from './sessions-repository.js';
export {
  SubmissionsRepository,
  MAX_PAGE_SIZE,
  MAX_EXPORT_BATCH,
  type ListAllSubmissionsQuery,
  type AdminSubmissionSummary,
  type AdminSubmissionPage,
  type NewSubmission,
  type Submission,
  type SubmissionSummary,
  type ListSubmissionsQuery,
  type SubmissionPage,
  type SubmissionCounts,
  type LatestSubmit,
  type LatestSubmitsQuery,
} from './submissions-repository.js';
export {
  ProblemPackagesRepository,
  sha256Hex,
  type NewProblemVersion,
  type ProblemVersion,
  type ImportedProblemSummary,
} from './problem-packages-repository.js';
export type { ProblemVersionMetadata } from './schema/index.js';
export { SettingsRepository } from './settings-repository.js';
export {
  ApiTokensRepository,
  API_TOKEN_PREFIX,
  type ApiTokenRow,
  type NewApiToken,
} from './api-tokens-repository.js';
export { InvalidCursorError } from './submission-cursor.js';
export {
  SubmissionStatsRepository,
  type Percentile,
  type PercentileQuery,
  type DistributionQuery,
  type RuntimeBucket,
  type RuntimeDistribution,
  type ProblemStats,
  type SolvedBy,
} from './submission-stats-repository.js';
export {
  ProfileRepository,
  type ProfileStats,
  type ProfileSolve,
  type ProfileDay,
} from './profile-repository.js';
export {
  ContestsRepository,
  type Contest,
  type ContestSettings,
  type ContestProblemRow,
  type ContestParticipant,
  type ContestSubmissionRow,
  type ClarificationRow,
  type AnnouncementRow,
} from './contests-repository.js';
export {
  ClassesRepository,
  type ClassRow,
  type ClassMemberRow,
  type AssignmentRow,
  type AssignmentSettings,
  type ProgressCellRow,
} from './classes-repository.js';
export { USER_ROLES, type UserRole, type SubmissionRequest } from './schema/index.js';
export * as schema from './schema/index.js';
