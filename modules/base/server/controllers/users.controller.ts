import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdParam, RequireGroups } from '@lc/platform/server';
import { CreateUserDto, UpdateUserDto, type User } from '@lc/protocol';
import { toUserDto, UsersService } from '../users.service';

@ApiTags('users')
@RequireGroups('admin')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(): Promise<User[]> {
    return this.users.list();
  }

  @Post()
  async create(@Body() body: CreateUserDto): Promise<User> {
    return toUserDto(await this.users.create(body));
  }

  @Patch(':id')
  async update(@IdParam() id: number, @Body() body: UpdateUserDto): Promise<User> {
    return toUserDto(await this.users.update(id, body));
  }
}
