import { TypeOrmModule } from '@nestjs/typeorm';
import { Authenticator, PlatformModule } from '@lc/platform/server';
import { AuthService } from './auth.service';
import { AuthController } from './controllers/auth.controller';
import { HealthController } from './controllers/health.controller';
import { LanguagesController } from './controllers/languages.controller';
import { MenusController } from './controllers/menus.controller';
import { ModulesController } from './controllers/modules.controller';
import { UsersController } from './controllers/users.controller';
import { AuthToken } from './entities/auth-token.entity';
import { LanguageState } from './entities/language.entity';
import { User } from './entities/user.entity';
import { LanguagesService } from './languages.service';
import { LoginThrottle } from './login-throttle';
import { CreateBaseTables1764000000100 } from './migrations/create-base-tables';
import { BaseSeedService } from './seed.service';
import { UsersService } from './users.service';

const entities = [User, AuthToken, LanguageState];

@PlatformModule({
  imports: [TypeOrmModule.forFeature(entities)],
  entities,
  migrations: [CreateBaseTables1764000000100],
  controllers: [AuthController, HealthController, UsersController, LanguagesController, ModulesController, MenusController],
  providers: [AuthService, { provide: Authenticator, useExisting: AuthService }, UsersService, LanguagesService, LoginThrottle, BaseSeedService],
  exports: [Authenticator, UsersService, LanguagesService, TypeOrmModule],
})
export default class BaseModule {}
