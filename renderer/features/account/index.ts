/**
 * Accounts: the gate of the operator window, the user menu, the access-denied area and the users
 * settings section. The app layer wires them (features never import each other).
 */
export { AccountGate } from './AccountGate';
export { UserMenu } from './UserMenu';
export { AccessDenied } from './AccessDenied';
