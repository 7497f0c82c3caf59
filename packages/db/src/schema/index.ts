/** The whole Drizzle schema: what queries are typed against and what drizzle-kit diffs migrations from. */
export { users, USER_ROLES, type UserRole } from './users.js';
export { sessions } from './sessions.js';
export { submissions, type SubmissionRequest } from './submissions.js';
export { problemStats } from './problem-stats.js';
export {
  contests,
  contestProblems,
  contestParticipants,
  contestClarifications,
  contestAnnouncements,
} from './contests.js';
export {
  packageBlobs,
  importedProblems,
  problemVersions,
  type ProblemVersionMetadata,
} from './problem-packages.js';
export { classes, classMembers, assignments, assignmentProblems } from './classes.js';
export { userSettings } from './user-settings.js';
export { apiTokens } from './api-tokens.js';
