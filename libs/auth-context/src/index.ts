export {
  ROLES,
  roleAllows,
  type CallerContext,
  type InternalContext,
  type Permission,
  type Role,
  type UserContext,
} from './caller-context';
export {
  CONTEXT_METADATA_KEY,
  CONTEXT_TOKEN_TTL_SECONDS,
  ContextTokenSigner,
  ContextTokenVerifier,
  InvalidContextTokenError,
} from './context-token';
export { generateContextKeyPair } from './generate-key-pair';
