// NestJS's ES modules define `const require = createRequire(import.meta.url)`. Compiled to CommonJS for
// Jest, that shadows the real `require` the compiled imports use; CommonJS already has one, so drop it.
module.exports = () => ({
  visitor: {
    VariableDeclaration(path) {
      const [declarator] = path.node.declarations;
      if (path.parentPath.isProgram() && path.node.declarations.length === 1 && declarator.id.name === 'require') path.remove();
    },
  },
});
