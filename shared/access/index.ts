/** Accounts, roles, permissions and scope: pure rules shared by the UI and the data layer. */
export * from './roles';
export * from './scope';
export * from './password-policy';
export * from './throttle';
