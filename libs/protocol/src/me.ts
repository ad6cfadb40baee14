import type { OwnUser } from './base';
import type { OperatorProfileFields } from './livechat';

/**
 * GET /api/me (and PATCH /api/me/preferences, and the login answer): base's user and the fields other
 * modules add to every user (the server's UserFields extensions), in one flat object (DESIGN.md). Each
 * module's fields are there while it is enabled: livechat's are optional, and other modules' are allowed.
 * @additionalProperties true
 */
export type Me = OwnUser & Partial<OperatorProfileFields>;

export interface LoginResponse {
  token: string;
  user: Me;
}
