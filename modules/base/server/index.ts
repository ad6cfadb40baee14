import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Authenticator, PlatformModule } from '@lc/platform/server';
import { AuthService } from './auth.service';
import { AccountController } from './controllers/account.controller';
import { AuthController } from './controllers/auth.controller';
import { GroupsController } from './controllers/groups.controller';
import { HealthController } from './controllers/health.controller';
import { LanguagesController } from './controllers/languages.controller';
import { MenusController } from './controllers/menus.controller';
import { ModulesController } from './controllers/modules.controller';
import { UsersController } from './controllers/users.controller';
import { DefaultAdminPassword } from './default-admin-password';
import { AuthToken } from './entities/auth-token.entity';
import { LanguageState } from './entities/language.entity';
import { User } from './entities/user.entity';
import { LanguagesService } from './languages.service';
import { LoginThrottle } from './login-throttle';
import { PasswordCheckThrottle } from './password-check-throttle';
import { CreateBaseTables1764000000100 } from './migrations/create-base-tables';
import { DropMovedUserColumns1764000000440 } from './migrations/drop-moved-user-columns';
import { IndexAuthTokensByUser1764000000110 } from './migrations/index-auth-tokens-by-user';
import { BaseSeedService } from './seed.service';
import { UserFieldsService } from './user-fields.service';
import { UsersService } from './users.service';

const entities = [User, AuthToken, LanguageState];

@PlatformModule({
  imports: [TypeOrmModule.forFeature(entities), DiscoveryModule],
  entities,
  migrations: [CreateBaseTables1764000000100, IndexAuthTokensByUser1764000000110, DropMovedUserColumns1764000000440],
  controllers: [AuthController, GroupsController, AccountController, HealthController, UsersController, LanguagesController, ModulesController, MenusController],
  providers: [AuthService, { provide: Authenticator, useExisting: AuthService }, UsersService, LanguagesService, LoginThrottle, PasswordCheckThrottle, DefaultAdminPassword, BaseSeedService, UserFieldsService],
  exports: [Authenticator, UsersService, LanguagesService, UserFieldsService, TypeOrmModule],
})
export default class BaseModule {}
