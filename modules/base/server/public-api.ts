/** What other modules may use of base (they depend on it): services and mappers, not its internals. */
export { UsersService } from './users.service';
export { UserFieldsService } from './user-fields.service';
export { LanguagesService } from './languages.service';
export { User } from './entities/user.entity';
export { canonicalTag, languageName } from './language-catalog';
