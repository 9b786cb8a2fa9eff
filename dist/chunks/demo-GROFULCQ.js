import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  runJob
} from "./chunk-KJS3KLSQ.js";
import {
  createRedactor,
  createReplayClient
} from "./chunk-F3YP4XZU.js";
import "./chunk-KZBIBZJS.js";
import {
  __commonJS,
  __toESM
} from "./chunk-2BAW3GFJ.js";

// node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "node_modules/ajv/dist/compile/codegen/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports._CodeOrName = _CodeOrName;
    exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports._Code = _Code;
    exports.nil = new _Code("");
    function _(strs, ...args) {
      const code = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
      }
      return new _Code(code);
    }
    exports._ = _;
    var plus = new _Code("+");
    function str2(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports.str = str2;
    function addCodeArg(code, arg) {
      if (arg instanceof _Code)
        code.push(...arg._items);
      else if (arg instanceof Name)
        code.push(arg);
      else
        code.push(interpolate(arg));
    }
    exports.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b) {
      if (b === '""')
        return a;
      if (a === '""')
        return b;
      if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b != "string")
          return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
          return a.slice(0, -1) + b.slice(1);
        return;
      }
      if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str2`${c1}${c2}`;
    }
    exports.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports.safeStringify = safeStringify;
    function getProperty(key) {
      return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _`[${key}]`;
    }
    exports.getProperty = getProperty;
    function getEsmExportName(key) {
      if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
    }
    exports.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports.regexpCode = regexpCode;
  }
});

// node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "node_modules/ajv/dist/compile/codegen/scope.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
    exports.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
              code = (0, code_1._)`${code}${def} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code = (0, code_1._)`${code}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code;
      }
    };
    exports.ValueScope = ValueScope;
  }
});

// node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "node_modules/ajv/dist/compile/codegen/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code) {
        super();
        this.code = code;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code += "else " + this.else.render(opts);
        return code;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
          code += this.catch.render(opts);
        if (this.finally)
          code += this.finally.render(opts);
        return code;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
          if (code.length > 1)
            code.push(",");
          code.push(key);
          if (key !== value || this.opts.es5) {
            code.push(":");
            (0, code_1.addCodeArg)(code, value);
          }
        }
        code.push("}");
        return new code_1._Code(code);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj2, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj2})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj2), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports.not = not;
    var andCode = mappend(exports.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports.and = and;
    var orCode = mappend(exports.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "node_modules/ajv/dist/compile/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key in schema) {
        if (!rules[key])
          checkStrictMode(it, `unknown keyword: "${key}"`);
      }
    }
    exports.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (rules[key])
          return true;
      return false;
    }
    exports.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
          return true;
      return false;
    }
    exports.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str2) {
      return unescapeJsonPointer(decodeURIComponent(str2));
    }
    exports.unescapeFragment = unescapeFragment;
    function escapeFragment(str2) {
      return encodeURIComponent(escapeJsonPointer(str2));
    }
    exports.escapeFragment = escapeFragment;
    function escapeJsonPointer(str2) {
      if (typeof str2 == "number")
        return `${str2}`;
      return str2.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str2) {
      return str2.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports.checkStrictMode = checkStrictMode;
  }
});

// node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "node_modules/ajv/dist/compile/names.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports.default = names;
  }
});

// node_modules/ajv/dist/compile/errors.js
var require_errors = __commonJS({
  "node_modules/ajv/dist/compile/errors.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports.reportError = reportError;
    function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "node_modules/ajv/dist/compile/validate/boolSchema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "node_modules/ajv/dist/compile/rules.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getRules = exports.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports.getRules = getRules;
  }
});

// node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "node_modules/ajv/dist/compile/validate/applicability.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports.shouldUseRule = shouldUseRule;
  }
});

// node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "node_modules/ajv/dist/compile/validate/dataType.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "node_modules/ajv/dist/compile/validate/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key in properties) {
          assignDefault(it, key, properties[key].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/code.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports.validateUnion = validateUnion;
  }
});

// node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "node_modules/ajv/dist/compile/validate/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors();
    function macroKeywordCode(cxt, def) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def);
      const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def.errors === false) {
          assignValid();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def.async ? validateAsync() : validateSync();
          if (def.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def && !$data || def.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def) {
      if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
      if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports.validateKeywordUsage = validateKeywordUsage;
  }
});

// node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "node_modules/ajv/dist/compile/validate/subschema.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports.extendSubschemaMode = extendSubschemaMode;
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports, module) {
    "use strict";
    module.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "node_modules/json-schema-traverse/index.js"(exports, module) {
    "use strict";
    var traverse = module.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key in schema) {
          var sch = schema[key];
          if (Array.isArray(sch)) {
            if (key in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key + "/" + i, rootSchema, jsonPtr, key, schema, i);
            }
          } else if (key in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
            }
          } else if (key in traverse.keywords || opts.allKeys && !(key in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key, rootSchema, jsonPtr, key, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str2) {
      return str2.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "node_modules/ajv/dist/compile/resolve.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key in schema) {
        if (REF_KEYWORDS.has(key))
          return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count = 0;
      for (const key in schema) {
        if (key === "$ref")
          return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key))
          continue;
        if (typeof schema[key] == "object") {
          (0, util_1.eachItem)(schema[key], (sch) => count += countKeys(sch));
        }
        if (count === Infinity)
          return Infinity;
      }
      return count;
    }
    function getFullPath(resolver, id = "", normalize) {
      if (normalize !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports.getSchemaRefs = getSchemaRefs;
  }
});

// node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "node_modules/ajv/dist/compile/validate/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key in schema)
        if (self.RULES.all[key])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES.rules)
          groupKeywords(group);
        groupKeywords(RULES.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
          }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj2, assign) {
        if (assign)
          Object.assign(this.params, obj2);
        else
          this.params = obj2;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def, ruleType) {
      const cxt = new KeywordCxt(it, def, keyword);
      if ("code" in def) {
        def.code(cxt, ruleType);
      } else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      } else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
      } else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports.getData = getData;
  }
});

// node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "node_modules/ajv/dist/runtime/validation_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports.default = ValidationError;
  }
});

// node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "node_modules/ajv/dist/compile/ref_error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports.default = MissingRefError;
  }
});

// node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "node_modules/ajv/dist/compile/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports.compileSchema = compileSchema;
    function resolveRef3(root, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve.call(this, root, ref);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports.resolveRef = resolveRef3;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "node_modules/ajv/dist/refs/data.json"(exports, module) {
    module.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "node_modules/fast-uri/lib/utils.js"(exports, module) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input2) {
      let acc = "";
      let code = 0;
      let i = 0;
      for (i = 0; i < input2.length; i++) {
        code = input2[i].charCodeAt(0);
        if (code === 48) {
          continue;
        }
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input2[i];
        break;
      }
      for (i += 1; i < input2.length; i++) {
        code = input2[i].charCodeAt(0);
        if (!(code >= 48 && code <= 57 || code >= 65 && code <= 70 || code >= 97 && code <= 102)) {
          return "";
        }
        acc += input2[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input2) {
      const compression = input2.indexOf("::");
      if (compression !== -1 && input2.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input2.split(":") : input2.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input2.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input2 = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input2)) {
        input2 = input2.toLowerCase();
        return { host: `[${input2}]`, escapedHost: input2, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input2, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input2.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input2.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input2.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input2 = input2.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input2);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str2, token) {
      let ind = 0;
      for (let i = 0; i < str2.length; i++) {
        if (str2[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path6) {
      let input2 = path6;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input2.length) {
        if (len === 1) {
          if (input2 === ".") {
            break;
          } else if (input2 === "/") {
            output.push("/");
            break;
          } else {
            output.push(input2);
            break;
          }
        } else if (len === 2) {
          if (input2[0] === ".") {
            if (input2[1] === ".") {
              break;
            } else if (input2[1] === "/") {
              input2 = input2.slice(2);
              continue;
            }
          } else if (input2[0] === "/") {
            if (input2[1] === "." || input2[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input2 === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input2[0] === ".") {
          if (input2[1] === ".") {
            if (input2[2] === "/") {
              input2 = input2.slice(3);
              continue;
            }
          } else if (input2[1] === "/") {
            input2 = input2.slice(2);
            continue;
          }
        } else if (input2[0] === "/") {
          if (input2[1] === ".") {
            if (input2[2] === "/") {
              input2 = input2.slice(2);
              continue;
            } else if (input2[2] === ".") {
              if (input2[3] === "/") {
                input2 = input2.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input2.indexOf("/", 1)) === -1) {
          output.push(input2);
          break;
        } else {
          output.push(input2.slice(0, nextSlash));
          input2 = input2.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path6) {
      if (path6 === "" || path6[0] === "/") {
        return removeDotSegments(path6);
      }
      const segments = path6.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input2, decodeUnreserved = false) {
      if (input2.indexOf("%") === -1) {
        return input2;
      }
      let output = "";
      for (let i = 0; i < input2.length; i++) {
        if (input2[i] === "%" && i + 2 < input2.length) {
          const hex = input2.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input2[i];
      }
      return output;
    }
    function normalizePathEncoding(input2) {
      let output = "";
      for (let i = 0; i < input2.length; i++) {
        const ch = input2[i];
        if (ch === "%" && i + 2 < input2.length) {
          const hex = input2.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code = input2.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input2.length) {
            const low = input2.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input2, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input2[0] !== "/";
      for (let i = 0; i < input2.length; i++) {
        const ch = input2[i];
        if (ch === "%" && i + 2 < input2.length) {
          const hex = input2.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code = input2.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input2.length) {
            const low = input2.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input2, isAllowed) {
      let output = "";
      for (let i = 0; i < input2.length; i++) {
        const ch = input2[i];
        if (ch === "%" && i + 2 < input2.length) {
          const hex = input2.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code = input2.charCodeAt(i);
          if (code < 128) {
            output += BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input2.length) {
            const low = input2.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input2) {
      return encodeComponent(input2, isUserinfoCharacter);
    }
    function encodeQuery(input2) {
      return encodeComponent(input2, isQueryFragmentCharacter);
    }
    function encodeFragment(input2) {
      return encodeComponent(input2, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input2) {
      let output = "";
      for (let i = 0; i < input2.length; i++) {
        const ch = input2[i];
        if (ch === "%" && i + 2 < input2.length) {
          const hex = input2.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code = input2.charCodeAt(i);
          if (code < 128) {
            output += isEscapeSafe(code) ? ch : BYTE_HEX[code];
          } else if (code < 55296 || code > 57343) {
            output += percentEncodeNonAscii(code);
          } else if (code <= 56319 && i + 1 < input2.length) {
            const low = input2.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input2) {
      let output = "";
      for (let i = 0; i < input2.length; i++) {
        if (input2[i] === "%" && i + 2 < input2.length) {
          const hex = input2.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input2[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "node_modules/fast-uri/lib/schemes.js"(exports, module) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path6 = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path6 && path6 !== "/" ? path6 : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches = urnComponent.path.match(URN_REG);
      if (matches && matches[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches[1].toLowerCase();
        urnComponent.nss = matches[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http2 = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http2.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http: http2,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "node_modules/fast-uri/index.js"(exports, module) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse(serialize(base, options), options);
        relative = parse(serialize(relative, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative.scheme) {
        target.scheme = relative.scheme;
        target.userinfo = relative.userinfo;
        target.host = relative.host;
        target.port = relative.port;
        target.path = removeDotSegments(relative.path || "");
        target.query = relative.query;
      } else {
        if (relative.userinfo !== void 0 || relative.host !== void 0 || relative.port !== void 0) {
          target.userinfo = relative.userinfo;
          target.host = relative.host;
          target.port = relative.port;
          target.path = removeDotSegments(relative.path || "");
          target.query = relative.query;
        } else {
          if (!relative.path) {
            target.path = base.path;
            if (relative.query !== void 0) {
              target.query = relative.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative.path[0] === "/") {
              target.path = removeDotSegments(relative.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative.path;
              } else if (!base.path) {
                target.path = relative.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative.fragment;
      return target;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches) {
      if (matches[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent = component.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches) {
      const host = matches[4];
      return hasMalformedPercentEncoding(matches[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches[6]) || hasMalformedPercentEncoding(matches[7]) || hasMalformedPercentEncoding(matches[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP) {
      return Boolean(
        parsed.host && isIP === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches = uri.match(URI_PARSE);
      if (matches) {
        parsed.scheme = matches[1];
        parsed.userinfo = matches[3];
        parsed.host = matches[4];
        parsed.port = parseInt(matches[5], 10);
        parsed.path = matches[6] || "";
        parsed.query = matches[7];
        parsed.fragment = matches[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches[5];
        }
        const parseError = getParseError(parsed, matches);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize,
      resolve,
      resolveComponent,
      equal,
      serialize,
      parse
    };
    module.exports = fastUri;
    module.exports.default = fastUri;
    module.exports.fastUri = fastUri;
  }
});

// node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "node_modules/ajv/dist/runtime/uri.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports.default = uri;
  }
});

// node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "node_modules/ajv/dist/core.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str2, flags) => new RegExp(str2, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv2 = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def of definitions)
          this.addKeyword(def);
        return this;
      }
      addKeyword(kwdOrDef, def) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def === void 0) {
          def = kwdOrDef;
          keyword = def.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
          ...def,
          type: (0, dataType_1.getJSONTypes)(def.type),
          schemaType: (0, dataType_1.getJSONTypes)(def.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k) => addRule.call(this, k, definition) : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format) {
        if (typeof format == "string")
          format = new RegExp(format);
        this.formats[name] = format;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text, msg) => text + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key in rules) {
            const rule = rules[key];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key];
            if ($data && schema)
              keywords[key] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv2.ValidationError = validation_error_1.default;
    Ajv2.MissingRefError = ref_error_1.default;
    exports.default = Ajv2;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
          this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key in optsSchemas)
          this.addSchema(optsSchemas[key], key);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format = this.opts.formats[name];
        if (format)
          this.addFormat(name, format);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
          def.keyword = keyword;
        this.addKeyword(def);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def) {
      const { RULES } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def)
        return;
      if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES } = this;
      let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
      }
      RULES.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def) {
      let { metaSchema } = def;
      if (metaSchema === void 0)
        return;
      if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/id.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var def = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/ref.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.callRef = exports.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports.callRef = callRef;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/core/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports.default = core;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str2) {
      const len = str2.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str2.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str2.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/required.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports.default = equal;
  }
});

// node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/const.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/enum.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "node_modules/ajv/dist/vocabularies/validation/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports.default = validation;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports.validateAdditionalItems = validateAdditionalItems;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports.validateTuple = validateTuple;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var items_1 = require_items();
    var def = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count) {
          gen.code((0, codegen_1._)`${count}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key in schema) {
        if (key === "__proto__")
          continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports.validateSchemaDeps = validateSchemaDeps;
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
          cxt.setParams({ propertyName: key });
          cxt.subschema({
            keyword: "propertyNames",
            data: key,
            dataTypes: ["string"],
            propertyName: key,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key);
            else
              gen.if(isAdditional(key), () => additionalPropertyCode(key));
          });
        }
        function isAdditional(key) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
          gen.code((0, codegen_1._)`delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key);
              });
            } else {
              applyAdditionalSchema(key, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/not.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var code_1 = require_code2();
    var def = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/if.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = require_util();
    var def = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "node_modules/ajv/dist/vocabularies/applicator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports.default = getApplicator;
  }
});

// node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))` : (0, codegen_1._)`${format}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
            return (0, codegen_1._)`${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "node_modules/ajv/dist/vocabularies/format/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var format_1 = require_format();
    var format = [format_1.default];
    exports.default = format;
  }
});

// node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "node_modules/ajv/dist/vocabularies/metadata.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.contentVocabulary = exports.metadataVocabulary = void 0;
    exports.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// node_modules/ajv/dist/vocabularies/draft7.js
var require_draft7 = __commonJS({
  "node_modules/ajv/dist/vocabularies/draft7.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft7Vocabularies = [
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary
    ];
    exports.default = draft7Vocabularies;
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports.DiscrError = DiscrError = {}));
  }
});

// node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports.default = def;
  }
});

// node_modules/ajv/dist/refs/json-schema-draft-07.json
var require_json_schema_draft_07 = __commonJS({
  "node_modules/ajv/dist/refs/json-schema-draft-07.json"(exports, module) {
    module.exports = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "http://json-schema.org/draft-07/schema#",
      title: "Core schema meta-schema",
      definitions: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $ref: "#" }
        },
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      },
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $comment: {
          type: "string"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        readOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/definitions/nonNegativeInteger" },
        minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        additionalItems: { $ref: "#" },
        items: {
          anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
          default: true
        },
        maxItems: { $ref: "#/definitions/nonNegativeInteger" },
        minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        contains: { $ref: "#" },
        maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
        minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        required: { $ref: "#/definitions/stringArray" },
        additionalProperties: { $ref: "#" },
        definitions: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        properties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependencies: {
          type: "object",
          additionalProperties: {
            anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
          }
        },
        propertyNames: { $ref: "#" },
        const: true,
        enum: {
          type: "array",
          items: true,
          minItems: 1,
          uniqueItems: true
        },
        type: {
          anyOf: [
            { $ref: "#/definitions/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/definitions/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        format: { type: "string" },
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        if: { $ref: "#" },
        then: { $ref: "#" },
        else: { $ref: "#" },
        allOf: { $ref: "#/definitions/schemaArray" },
        anyOf: { $ref: "#/definitions/schemaArray" },
        oneOf: { $ref: "#/definitions/schemaArray" },
        not: { $ref: "#" }
      },
      default: true
    };
  }
});

// node_modules/ajv/dist/ajv.js
var require_ajv = __commonJS({
  "node_modules/ajv/dist/ajv.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var discriminator_1 = require_discriminator();
    var draft7MetaSchema = require_json_schema_draft_07();
    var META_SUPPORT_DATA = ["/properties"];
    var META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
    var Ajv2 = class extends core_1.default {
      _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
          return;
        const metaSchema = this.opts.$data ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA) : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports.Ajv = Ajv2;
    module.exports = exports = Ajv2;
    module.exports.Ajv = Ajv2;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = Ajv2;
    var validate_1 = require_validate();
    Object.defineProperty(exports, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// node_modules/ajv-formats/dist/formats.js
var require_formats = __commonJS({
  "node_modules/ajv-formats/dist/formats.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
    function fmtDef(validate, compare) {
      return { validate, compare };
    }
    exports.fullFormats = {
      // date: http://tools.ietf.org/html/rfc3339#section-5.6
      date: fmtDef(date, compareDate),
      // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
      time: fmtDef(getTime(true), compareTime),
      "date-time": fmtDef(getDateTime(true), compareDateTime),
      "iso-time": fmtDef(getTime(), compareIsoTime),
      "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
      // duration: https://tools.ietf.org/html/rfc3339#appendix-A
      duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
      uri,
      "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
      // uri-template: https://tools.ietf.org/html/rfc6570
      "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
      // For the source: https://gist.github.com/dperini/729294
      // For test cases: https://mathiasbynens.be/demo/url-regex
      url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
      email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
      hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
      // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
      ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
      ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
      regex,
      // uuid: http://tools.ietf.org/html/rfc4122
      uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
      // JSON-pointer: https://tools.ietf.org/html/rfc6901
      // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
      "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
      "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
      // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
      "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
      // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
      // byte: https://github.com/miguelmota/is-base64
      byte,
      // signed 32 bit integer
      int32: { type: "number", validate: validateInt32 },
      // signed 64 bit integer
      int64: { type: "number", validate: validateInt64 },
      // C-type float
      float: { type: "number", validate: validateNumber },
      // C-type double
      double: { type: "number", validate: validateNumber },
      // hint to the UI to hide input strings
      password: true,
      // unchecked string payload
      binary: true
    };
    exports.fastFormats = {
      ...exports.fullFormats,
      date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
      time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
      "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
      "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
      "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
      // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
      uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
      "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
      // email (sources from jsen validator):
      // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
      // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
      email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i
    };
    exports.formatNames = Object.keys(exports.fullFormats);
    function isLeapYear(year) {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    }
    var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
    var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    function date(str2) {
      const matches = DATE.exec(str2);
      if (!matches)
        return false;
      const year = +matches[1];
      const month = +matches[2];
      const day = +matches[3];
      return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
    }
    function compareDate(d1, d2) {
      if (!(d1 && d2))
        return void 0;
      if (d1 > d2)
        return 1;
      if (d1 < d2)
        return -1;
      return 0;
    }
    var TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
    function getTime(strictTimeZone) {
      return function time(str2) {
        const matches = TIME.exec(str2);
        if (!matches)
          return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || strictTimeZone && !tz)
          return false;
        if (hr <= 23 && min <= 59 && sec < 60)
          return true;
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
      };
    }
    function compareTime(s1, s2) {
      if (!(s1 && s2))
        return void 0;
      const t1 = (/* @__PURE__ */ new Date("2020-01-01T" + s1)).valueOf();
      const t2 = (/* @__PURE__ */ new Date("2020-01-01T" + s2)).valueOf();
      if (!(t1 && t2))
        return void 0;
      return t1 - t2;
    }
    function compareIsoTime(t1, t2) {
      if (!(t1 && t2))
        return void 0;
      const a1 = TIME.exec(t1);
      const a2 = TIME.exec(t2);
      if (!(a1 && a2))
        return void 0;
      t1 = a1[1] + a1[2] + a1[3];
      t2 = a2[1] + a2[2] + a2[3];
      if (t1 > t2)
        return 1;
      if (t1 < t2)
        return -1;
      return 0;
    }
    var DATE_TIME_SEPARATOR = /t|\s/i;
    function getDateTime(strictTimeZone) {
      const time = getTime(strictTimeZone);
      return function date_time(str2) {
        const dateTime = str2.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
      };
    }
    function compareDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const d1 = new Date(dt1).valueOf();
      const d2 = new Date(dt2).valueOf();
      if (!(d1 && d2))
        return void 0;
      return d1 - d2;
    }
    function compareIsoDateTime(dt1, dt2) {
      if (!(dt1 && dt2))
        return void 0;
      const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
      const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
      const res = compareDate(d1, d2);
      if (res === void 0)
        return void 0;
      return res || compareTime(t1, t2);
    }
    var NOT_URI_FRAGMENT = /\/|:/;
    var URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
    function uri(str2) {
      return NOT_URI_FRAGMENT.test(str2) && URI.test(str2);
    }
    var BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
    function byte(str2) {
      BYTE.lastIndex = 0;
      return BYTE.test(str2);
    }
    var MIN_INT32 = -(2 ** 31);
    var MAX_INT32 = 2 ** 31 - 1;
    function validateInt32(value) {
      return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
    }
    function validateInt64(value) {
      return Number.isInteger(value);
    }
    function validateNumber() {
      return true;
    }
    var Z_ANCHOR = /[^\\]\\Z/;
    function regex(str2) {
      if (Z_ANCHOR.test(str2))
        return false;
      try {
        new RegExp(str2);
        return true;
      } catch (e) {
        return false;
      }
    }
  }
});

// node_modules/ajv-formats/dist/limit.js
var require_limit = __commonJS({
  "node_modules/ajv-formats/dist/limit.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.formatLimitDefinition = void 0;
    var ajv_1 = require_ajv();
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      formatMaximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      formatMinimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      formatExclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      formatExclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`should be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    exports.formatLimitDefinition = {
      keyword: Object.keys(KWDs),
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, keyword, it } = cxt;
        const { opts, self } = it;
        if (!opts.validateFormats)
          return;
        const fCxt = new ajv_1.KeywordCxt(it, self.RULES.all.format.definition, "format");
        if (fCxt.$data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fmt = gen.const("fmt", (0, codegen_1._)`${fmts}[${fCxt.schemaCode}]`);
          cxt.fail$data((0, codegen_1.or)((0, codegen_1._)`typeof ${fmt} != "object"`, (0, codegen_1._)`${fmt} instanceof RegExp`, (0, codegen_1._)`typeof ${fmt}.compare != "function"`, compareCode(fmt)));
        }
        function validateFormat() {
          const format = fCxt.schema;
          const fmtDef = self.formats[format];
          if (!fmtDef || fmtDef === true)
            return;
          if (typeof fmtDef != "object" || fmtDef instanceof RegExp || typeof fmtDef.compare != "function") {
            throw new Error(`"${keyword}": format "${format}" does not define "compare" function`);
          }
          const fmt = gen.scopeValue("formats", {
            key: format,
            ref: fmtDef,
            code: opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(format)}` : void 0
          });
          cxt.fail$data(compareCode(fmt));
        }
        function compareCode(fmt) {
          return (0, codegen_1._)`${fmt}.compare(${data}, ${schemaCode}) ${KWDs[keyword].fail} 0`;
        }
      },
      dependencies: ["format"]
    };
    var formatLimitPlugin = (ajv) => {
      ajv.addKeyword(exports.formatLimitDefinition);
      return ajv;
    };
    exports.default = formatLimitPlugin;
  }
});

// node_modules/ajv-formats/dist/index.js
var require_dist = __commonJS({
  "node_modules/ajv-formats/dist/index.js"(exports, module) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var formats_1 = require_formats();
    var limit_1 = require_limit();
    var codegen_1 = require_codegen();
    var fullName = new codegen_1.Name("fullFormats");
    var fastName = new codegen_1.Name("fastFormats");
    var formatsPlugin2 = (ajv, opts = { keywords: true }) => {
      if (Array.isArray(opts)) {
        addFormats(ajv, opts, formats_1.fullFormats, fullName);
        return ajv;
      }
      const [formats, exportName] = opts.mode === "fast" ? [formats_1.fastFormats, fastName] : [formats_1.fullFormats, fullName];
      const list = opts.formats || formats_1.formatNames;
      addFormats(ajv, list, formats, exportName);
      if (opts.keywords)
        (0, limit_1.default)(ajv);
      return ajv;
    };
    formatsPlugin2.get = (name, mode = "full") => {
      const formats = mode === "fast" ? formats_1.fastFormats : formats_1.fullFormats;
      const f = formats[name];
      if (!f)
        throw new Error(`Unknown format "${name}"`);
      return f;
    };
    function addFormats(ajv, list, fs, exportName) {
      var _a;
      var _b;
      (_a = (_b = ajv.opts.code).formats) !== null && _a !== void 0 ? _a : _b.formats = (0, codegen_1._)`require("ajv-formats/dist/formats").${exportName}`;
      for (const f of list)
        ajv.addFormat(f, fs[f]);
    }
    module.exports = exports = formatsPlugin2;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.default = formatsPlugin2;
  }
});

// src/cli/demo/demo.ts
import { mkdtempSync as mkdtempSync2, writeFileSync } from "node:fs";
import os2 from "node:os";
import path5 from "node:path";

// src/testing/fake-github/index.ts
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync as rmSync2 } from "node:fs";
import http from "node:http";
import os from "node:os";
import path4 from "node:path";

// src/testing/git-http-server.ts
import { spawn as spawn2 } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

// src/testing/git.ts
import { spawn } from "node:child_process";
function gitEnv(extra = {}) {
  const inherited = process.env;
  const env = {
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    LANG: "C",
    LC_ALL: "C"
  };
  if (inherited.PATH) env.PATH = inherited.PATH;
  if (inherited.HOME) env.HOME = inherited.HOME;
  return { ...env, ...extra };
}
function tryGit(args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: opts.cwd,
      env: gitEnv(opts.env),
      stdio: ["pipe", "pipe", "pipe"]
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    child.on("error", reject);
    child.on(
      "close",
      (code) => resolve({
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        code: code ?? -1
      })
    );
    child.stdin.on("error", () => void 0);
    child.stdin.end(opts.input ?? "");
  });
}
async function git(args, opts = {}) {
  const r = await tryGit(args, opts);
  if (r.code !== 0) throw new Error(`git ${args.join(" ")} failed (exit ${r.code}): ${r.stderr.trim()}`);
  return r.stdout;
}

// src/testing/git-http-server.ts
function basicAuthMatches(header, tokens) {
  const m = /^basic\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m?.[1]) return false;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? "" : decoded.slice(colon + 1);
  if (password !== "") return tokens.includes(password);
  return tokens.includes(user);
}
function basicUser(header) {
  const m = /^basic\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m?.[1]) return "";
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? decoded : decoded.slice(0, colon);
}
async function readRefs(repoDir) {
  const r = await tryGit(["for-each-ref", "--format=%(objectname) %(refname)"], { cwd: repoDir });
  const refs = /* @__PURE__ */ new Map();
  for (const line of r.stdout.split("\n")) {
    const sp = line.indexOf(" ");
    if (sp > 0) refs.set(line.slice(sp + 1), line.slice(0, sp));
  }
  return refs;
}
function headerEnd(buf) {
  const crlf = buf.indexOf("\r\n\r\n");
  const lf = buf.indexOf("\n\n");
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return [crlf, crlf + 4];
  if (lf !== -1) return [lf, lf + 2];
  return null;
}
function createGitHttpHandler(opts) {
  const tokens = Array.isArray(opts.token) ? [...opts.token] : [opts.token];
  const requests = [];
  const pushes = [];
  const inFlight = /* @__PURE__ */ new Set();
  async function serve(req, res, pathInfo, query) {
    const authorization = req.headers.authorization ?? null;
    const service = /(?:^|&)service=(git-[a-z-]+)/.exec(query)?.[1] ?? /\/(git-(?:upload|receive)-pack)$/.exec(pathInfo)?.[1] ?? null;
    const record = {
      method: req.method ?? "GET",
      path: pathInfo,
      query,
      authorization,
      service,
      contentEncoding: req.headers["content-encoding"] ?? null,
      status: 0
    };
    requests.push(record);
    const finish = (status, body, headers = {}) => {
      record.status = status;
      req.resume();
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
      res.end(body);
    };
    if (!basicAuthMatches(req.headers.authorization, tokens)) {
      finish(401, "Authentication required: use HTTP Basic auth with the token as the password.\n", {
        "www-authenticate": 'Basic realm="fake GitHub"'
      });
      return;
    }
    const repoMatch = /^\/((?:[^/]+\/)*?[^/]+\.git)(?:\/|$)/.exec(pathInfo);
    const repoRel = repoMatch?.[1];
    if (!repoRel || repoRel.split("/").includes("..") || !existsSync(path.join(opts.root, repoRel))) {
      finish(404, "Repository not found.\n");
      return;
    }
    const repoDir = path.join(opts.root, repoRel);
    const isPush = req.method === "POST" && pathInfo.endsWith("/git-receive-pack");
    if (service === "git-receive-pack" && opts.authorizePush) {
      const denied = opts.authorizePush(repoRel);
      if (denied !== null) {
        finish(403, `${denied}
`);
        return;
      }
    }
    const before = isPush ? await readRefs(repoDir) : null;
    const env = gitEnv({
      GIT_PROJECT_ROOT: opts.root,
      GIT_HTTP_EXPORT_ALL: "1",
      PATH_INFO: pathInfo,
      QUERY_STRING: query,
      REQUEST_METHOD: req.method ?? "GET",
      REMOTE_USER: basicUser(req.headers.authorization) || "x-access-token",
      REMOTE_ADDR: req.socket.remoteAddress ?? "127.0.0.1",
      GATEWAY_INTERFACE: "CGI/1.1",
      SERVER_PROTOCOL: "HTTP/1.1"
    });
    const contentType = req.headers["content-type"];
    if (contentType) env.CONTENT_TYPE = contentType;
    const contentLength = req.headers["content-length"];
    if (contentLength) env.CONTENT_LENGTH = contentLength;
    const encoding = req.headers["content-encoding"];
    if (encoding) env.HTTP_CONTENT_ENCODING = encoding;
    const protocol = req.headers["git-protocol"];
    if (typeof protocol === "string") env.GIT_PROTOCOL = protocol;
    const child = spawn2("git", ["http-backend"], { env, stdio: ["pipe", "pipe", "pipe"] });
    const stderr = [];
    child.stderr.on("data", (c) => stderr.push(c));
    child.stdin.on("error", () => void 0);
    req.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let headersSent = false;
    child.stdout.on("data", (chunk) => {
      if (headersSent) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = headerEnd(head);
      if (!end) return;
      let status = 200;
      const headers = {};
      for (const line of head.subarray(0, end[0]).toString("latin1").split(/\r?\n/)) {
        const colon = line.indexOf(":");
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 500;
        else headers[name] = value;
      }
      record.status = status;
      res.writeHead(status, headers);
      headersSent = true;
      const rest = head.subarray(end[1]);
      if (rest.length > 0) res.write(rest);
    });
    const code = await new Promise((resolve) => {
      child.on("error", () => resolve(-1));
      child.on("close", (c) => resolve(c ?? -1));
    });
    if (isPush && before) {
      const after = await readRefs(repoDir);
      for (const [ref, sha] of after) {
        const old = before.get(ref);
        if (old !== sha) pushes.push({ repo: repoRel, ref, before: old ?? null, after: sha, authorization });
      }
      for (const [ref, sha] of before) {
        if (!after.has(ref)) pushes.push({ repo: repoRel, ref, before: sha, after: null, authorization });
      }
    }
    if (!headersSent) {
      const msg = Buffer.concat(stderr).toString("utf8").trim();
      finish(500, `git http-backend failed (exit ${code}): ${msg}
`);
      return;
    }
    res.end();
  }
  return {
    requests,
    pushes,
    handle(req, res, pathInfo) {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const p = serve(req, res, pathInfo ?? decodeURIComponent(url.pathname), url.search.replace(/^\?/, "")).catch(
        (err) => {
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
          res.end(`git bridge error: ${err instanceof Error ? err.message : String(err)}
`);
        }
      );
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    }
  };
}

// src/testing/fake-github/bare-repo.ts
import { mkdirSync, rmSync } from "node:fs";
import path2 from "node:path";
var DEFAULT_DATE = "2024-01-01T00:00:00Z";
function identityEnv(who) {
  const date = who.date ?? DEFAULT_DATE;
  return {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_COMMITTER_DATE: date
  };
}
async function initBareRepo(dir, defaultBranch) {
  mkdirSync(path2.dirname(dir), { recursive: true });
  await git(["init", "-q", "--bare", "-b", defaultBranch, dir]);
  await git(["config", "http.receivepack", "true"], { cwd: dir });
  await git(["config", "receive.denyNonFastForwards", "false"], { cwd: dir });
}
async function resolveRef(dir, ref) {
  const candidates = ref.startsWith("refs/") || /^[0-9a-f]{40}$/.test(ref) ? [ref] : [`refs/heads/${ref}`, ref];
  for (const c of candidates) {
    const r = await tryGit(["rev-parse", "--verify", "--quiet", `${c}^{commit}`], { cwd: dir });
    if (r.code === 0) return r.stdout.trim();
  }
  return null;
}
async function listBranches(dir) {
  const out = await git(["for-each-ref", "--format=%(objectname) %(refname:strip=2)", "refs/heads"], { cwd: dir });
  return out.split("\n").filter(Boolean).map((line) => {
    const sp = line.indexOf(" ");
    return { sha: line.slice(0, sp), name: line.slice(sp + 1) };
  });
}
async function commitFiles(dir, opts) {
  const index = path2.join(dir, `fake-index-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const env = { GIT_INDEX_FILE: index, ...identityEnv(opts.author) };
  try {
    let parentSha = null;
    if (opts.parent) {
      parentSha = await resolveRef(dir, opts.parent);
      if (!parentSha) throw new Error(`fake GitHub: parent ${opts.parent} does not exist in ${dir}`);
      await git(["read-tree", parentSha], { cwd: dir, env });
    } else {
      await git(["read-tree", "--empty"], { cwd: dir, env });
    }
    for (const [file, content] of Object.entries(opts.files)) {
      const clean = file.replace(/^\/+/, "");
      if (content === null) {
        await git(["update-index", "--force-remove", "--", clean], { cwd: dir, env });
        continue;
      }
      const blob = (await git(["hash-object", "-w", "--stdin"], { cwd: dir, input: content })).trim();
      await git(["update-index", "--add", "--cacheinfo", `100644,${blob},${clean}`], { cwd: dir, env });
    }
    const tree = (await git(["write-tree"], { cwd: dir, env })).trim();
    const args = ["commit-tree", tree, "-m", opts.message];
    if (parentSha) args.push("-p", parentSha);
    const sha = (await git(args, { cwd: dir, env })).trim();
    await git(["update-ref", `refs/heads/${opts.branch}`, sha], { cwd: dir });
    return sha;
  } finally {
    rmSync(index, { force: true });
  }
}
async function setRef(dir, ref, sha, fromDir) {
  if (fromDir && fromDir !== dir) await git(["fetch", "-q", fromDir, `+${sha}:${ref}`], { cwd: dir });
  else await git(["update-ref", ref, sha], { cwd: dir });
}
async function deleteRef(dir, ref) {
  await tryGit(["update-ref", "-d", ref], { cwd: dir });
}
async function gitLog(dir, ref, max = 1e3) {
  const sha = await resolveRef(dir, ref);
  if (!sha) throw new Error(`fake GitHub: ref ${ref} does not exist`);
  const out = await git(
    ["log", `--max-count=${max}`, "--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%B%x1e", sha],
    { cwd: dir }
  );
  return out.split("").map((r) => r.replace(/^\n/, "")).filter(Boolean).map((record) => {
    const [shaField = "", parents = "", an = "", ae = "", ad = "", cn = "", ce = "", body = ""] = record.split("\0");
    const message = body.replace(/\n+$/, "");
    return {
      sha: shaField,
      parents: parents.split(" ").filter(Boolean),
      authorName: an,
      authorEmail: ae,
      authorDate: ad,
      committerName: cn,
      committerEmail: ce,
      subject: message.split("\n")[0] ?? "",
      message
    };
  });
}
async function readFileAt(dir, ref, file) {
  const sha = await resolveRef(dir, ref);
  if (!sha) return null;
  const r = await tryGit(["cat-file", "blob", `${sha}:${file.replace(/^\/+/, "")}`], { cwd: dir });
  return r.code === 0 ? r.stdout : null;
}
async function listFiles(dir, ref) {
  const sha = await resolveRef(dir, ref);
  if (!sha) return [];
  const out = await git(["ls-tree", "-r", "--name-only", sha], { cwd: dir });
  return out.split("\n").filter(Boolean);
}
async function diffStats(dir, base, head) {
  const commits = Number.parseInt((await git(["rev-list", "--count", `${base}..${head}`], { cwd: dir })).trim(), 10);
  const numstat = await git(["diff", "--numstat", `${base}...${head}`], { cwd: dir });
  let additions = 0;
  let deletions = 0;
  let changedFiles = 0;
  for (const line of numstat.split("\n").filter(Boolean)) {
    const [a = "0", d = "0"] = line.split("	");
    additions += Number.parseInt(a, 10) || 0;
    deletions += Number.parseInt(d, 10) || 0;
    changedFiles++;
  }
  return { commits: Number.isFinite(commits) ? commits : 0, additions, deletions, changedFiles };
}
async function diffText(dir, base, head, extra = []) {
  const r = await tryGit(["diff", "--no-color", ...extra, `${base}...${head}`], { cwd: dir });
  return r.code === 0 ? r.stdout : "";
}
async function isAncestor(dir, ancestor, ref) {
  if (!/^[0-9a-f]{40}$/.test(ancestor)) return false;
  const r = await tryGit(["merge-base", "--is-ancestor", ancestor, ref], { cwd: dir });
  return r.code === 0;
}

// src/testing/fake-github/model.ts
import path3 from "node:path";

// src/testing/fake-github/state.ts
function emptyState() {
  return {
    users: [],
    repos: [],
    issues: [],
    pulls: [],
    comments: [],
    reactions: [],
    reviews: [],
    reviewThreads: [],
    forkPushDenied: {},
    permissions: {}
  };
}
function nodeId(prefix, id) {
  return `${prefix}_kwDO${Buffer.from(`fake:${id}`).toString("base64url")}`;
}
function isoSeconds(d) {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// src/testing/fake-github/model.ts
var HttpProblem = class extends Error {
  status;
  body;
  constructor(status, body) {
    super(typeof body.message === "string" ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
};
var DOCS = "https://docs.github.com/rest";
var BODY_LIMIT = 65536;
function notFound(message = "Not Found") {
  return new HttpProblem(404, { message, documentation_url: DOCS, status: "404" });
}
function validationFailed(errors, message = "Validation Failed") {
  return new HttpProblem(422, { message, errors, documentation_url: DOCS, status: "422" });
}
function bodyTooLong(resource) {
  return validationFailed([
    { resource, code: "custom", field: "body", message: `Body is too long (maximum is ${BODY_LIMIT} characters)` }
  ]);
}
var FakeModel = class {
  state = emptyState();
  urls;
  reposRoot;
  /** The identity the token acts as (author of everything the product creates). */
  actor;
  clock;
  nextId = 1e3;
  numbers = /* @__PURE__ */ new Map();
  /** Every object with a node id, for GraphQL `node`/`addReaction` subjects. */
  nodes = /* @__PURE__ */ new Map();
  constructor(opts) {
    this.urls = opts.urls;
    this.reposRoot = opts.reposRoot;
    this.clock = opts.clock;
    this.actor = this.user(opts.actor.login, opts.actor.type ?? (opts.actor.login.endsWith("[bot]") ? "Bot" : "User"));
  }
  now() {
    return isoSeconds(this.clock());
  }
  id() {
    return this.nextId++;
  }
  // ---- users & permissions ------------------------------------------------------------------------------------
  /** The user with this login, created on first use. */
  user(login, type) {
    const found = this.findUser(login);
    if (found) {
      if (type) found.type = type;
      return found;
    }
    const id = this.id();
    const u = {
      login,
      id,
      nodeId: nodeId(type === "Bot" ? "BOT" : "U", id),
      type: type ?? (login.endsWith("[bot]") ? "Bot" : "User"),
      name: null,
      email: null
    };
    this.state.users.push(u);
    this.nodes.set(u.nodeId, { type: "User", ref: u });
    return u;
  }
  findUser(login) {
    return this.state.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
  }
  setPermission(owner, repo, login, permission) {
    const r = this.repo(owner, repo);
    this.user(login);
    (this.state.permissions[r.fullName] ??= {})[login.toLowerCase()] = permission;
  }
  /** The role of a user on a repository: explicit, else admin for the owner, else read (public) / none. */
  permission(r, login) {
    const explicit = this.state.permissions[r.fullName]?.[login.toLowerCase()];
    if (explicit) return explicit;
    if (login.toLowerCase() === r.owner.toLowerCase()) return "admin";
    return r.private ? "none" : "read";
  }
  authorAssociation(r, login) {
    if (login.toLowerCase() === r.owner.toLowerCase()) return "OWNER";
    const explicit = this.state.permissions[r.fullName]?.[login.toLowerCase()];
    if (explicit && explicit !== "none") return "COLLABORATOR";
    return "NONE";
  }
  // ---- repositories -------------------------------------------------------------------------------------------
  findRepo(owner, repo) {
    const full = `${owner}/${repo}`.toLowerCase();
    return this.state.repos.find((r) => r.fullName.toLowerCase() === full);
  }
  repo(owner, repo) {
    const r = this.findRepo(owner, repo);
    if (!r) throw notFound();
    return r;
  }
  repoByFullName(fullName) {
    const [owner = "", name = ""] = fullName.split("/");
    return this.repo(owner, name);
  }
  async addRepo(opts) {
    if (this.findRepo(opts.owner, opts.repo)) throw new Error(`fake GitHub: ${opts.owner}/${opts.repo} already exists`);
    if (!/^[A-Za-z0-9_.-]+$/.test(opts.owner) || !/^[A-Za-z0-9_.-]+$/.test(opts.repo)) {
      throw new Error(`fake GitHub: invalid repository name ${opts.owner}/${opts.repo}`);
    }
    const defaultBranch = opts.defaultBranch ?? "main";
    const dir = path3.join(this.reposRoot, opts.owner, `${opts.repo}.git`);
    await initBareRepo(dir, defaultBranch);
    const owner = this.user(opts.owner);
    const files = opts.files ?? { "README.md": `# ${opts.repo}
` };
    if (opts.forkOf) {
      const parent = this.repoByFullName(opts.forkOf);
      await setRef(
        dir,
        `refs/heads/${defaultBranch}`,
        await resolveRef(parent.dir, parent.defaultBranch) ?? "",
        parent.dir
      );
    } else {
      await commitFiles(dir, {
        branch: defaultBranch,
        parent: null,
        files,
        message: opts.message ?? "Initial commit",
        author: { name: owner.login, email: `${owner.login}@users.noreply.example` }
      });
    }
    const id = this.id();
    const r = {
      owner: opts.owner,
      name: opts.repo,
      fullName: `${opts.owner}/${opts.repo}`,
      id,
      nodeId: nodeId("R", id),
      defaultBranch,
      private: opts.private ?? false,
      description: opts.description ?? null,
      dir,
      forkOf: opts.forkOf ?? null,
      createdAt: this.now(),
      archived: false
    };
    this.state.repos.push(r);
    this.nodes.set(r.nodeId, { type: "Repository", ref: r });
    return r;
  }
  async branchExists(r, name) {
    return await resolveRef(r.dir, `refs/heads/${name}`) !== null;
  }
  // ---- issues & pull requests ---------------------------------------------------------------------------------
  nextNumber(r) {
    const n = (this.numbers.get(r.fullName) ?? 0) + 1;
    this.numbers.set(r.fullName, n);
    return n;
  }
  /** An issue or pull request by number (pull requests are issues too). */
  findItem(r, number) {
    return this.state.issues.find((i) => i.repo === r.fullName && i.number === number) ?? this.state.pulls.find((p) => p.repo === r.fullName && p.number === number);
  }
  item(r, number) {
    const it = this.findItem(r, number);
    if (!it) throw notFound();
    if (it.deleted)
      throw new HttpProblem(410, { message: "This issue was deleted", documentation_url: DOCS, status: "410" });
    return it;
  }
  pull(r, number) {
    const p = this.state.pulls.find((x) => x.repo === r.fullName && x.number === number);
    if (!p) throw notFound();
    return p;
  }
  addIssue(opts) {
    const r = this.repo(opts.owner, opts.repo);
    const author2 = this.user(opts.author ?? "octocat").login;
    for (const l of opts.labels ?? []) if (!l) throw new Error("fake GitHub: empty label");
    const id = this.id();
    const created = opts.createdAt ?? this.now();
    const issue = {
      kind: "issue",
      repo: r.fullName,
      number: this.nextNumber(r),
      id,
      nodeId: nodeId("I", id),
      title: opts.title,
      body: opts.body === void 0 ? "" : opts.body,
      state: opts.state ?? "open",
      locked: opts.locked ?? false,
      author: author2,
      labels: [...opts.labels ?? []],
      assignees: [],
      createdAt: created,
      updatedAt: created,
      closedAt: opts.state === "closed" ? created : null,
      deleted: false
    };
    this.state.issues.push(issue);
    this.nodes.set(issue.nodeId, { type: "Issue", ref: issue });
    return issue;
  }
  /** Resolves `head` as the REST API accepts it (`branch` or `owner:branch`) to a repository and branch. */
  resolveHead(base, head) {
    const colon = head.indexOf(":");
    if (colon === -1) return { repo: base, branch: head };
    const owner = head.slice(0, colon);
    const branch = head.slice(colon + 1);
    if (owner.toLowerCase() === base.owner.toLowerCase()) return { repo: base, branch };
    const fork = this.state.repos.find(
      (x) => x.owner.toLowerCase() === owner.toLowerCase() && x.forkOf?.toLowerCase() === base.fullName.toLowerCase()
    );
    if (!fork) throw validationFailed([{ resource: "PullRequest", field: "head", code: "invalid" }]);
    return { repo: fork, branch };
  }
  async addPull(opts) {
    const r = this.repo(opts.owner, opts.repo);
    const headRepo = opts.headRepo ? this.repoByFullName(opts.headRepo) : r;
    const baseRef = opts.base ?? r.defaultBranch;
    const author2 = this.user(opts.author ?? "octocat").login;
    const existing = await resolveRef(headRepo.dir, opts.head);
    if (opts.files || !existing) {
      let parent = existing ? `refs/heads/${opts.head}` : null;
      if (!parent) {
        const baseSha = await resolveRef(r.dir, baseRef);
        if (!baseSha) throw new Error(`fake GitHub: base branch ${baseRef} does not exist in ${r.fullName}`);
        if (headRepo !== r) await setRef(headRepo.dir, `refs/heads/${opts.head}`, baseSha, r.dir);
        parent = baseSha;
      }
      await commitFiles(headRepo.dir, {
        branch: opts.head,
        parent,
        files: opts.files ?? { [`${opts.head.replace(/[^A-Za-z0-9]+/g, "-")}.txt`]: `${opts.title}
` },
        message: opts.message ?? opts.title,
        author: { name: author2, email: `${author2}@users.noreply.example` }
      });
    }
    return this.createPull(r, {
      title: opts.title,
      body: opts.body === void 0 ? "" : opts.body,
      headRepo,
      headRef: opts.head,
      baseRef,
      draft: opts.draft ?? false,
      author: author2,
      state: opts.state ?? "open",
      closingIssues: opts.closingIssues ?? [],
      labels: opts.labels ?? [],
      ...opts.createdAt ? { createdAt: opts.createdAt } : {},
      maintainerCanModify: opts.maintainerCanModify ?? false
    });
  }
  async createPull(r, p) {
    const headSha = await resolveRef(p.headRepo.dir, p.headRef);
    if (!headSha) throw new Error(`fake GitHub: head branch ${p.headRef} does not exist`);
    const id = this.id();
    const created = p.createdAt ?? this.now();
    const pull = {
      kind: "pull",
      repo: r.fullName,
      number: this.nextNumber(r),
      id,
      nodeId: nodeId("PR", id),
      title: p.title,
      body: p.body,
      state: p.state,
      locked: false,
      author: p.author,
      labels: [...p.labels],
      assignees: [],
      createdAt: created,
      updatedAt: created,
      closedAt: p.state === "closed" ? created : null,
      deleted: false,
      draft: p.draft,
      headRef: p.headRef,
      headRepo: p.headRepo.fullName,
      headSha,
      baseRef: p.baseRef,
      requestedReviewers: [],
      closingIssues: [...p.closingIssues],
      merged: false,
      maintainerCanModify: p.maintainerCanModify ?? false
    };
    await setRef(r.dir, `refs/pull/${pull.number}/head`, headSha, p.headRepo.dir);
    this.state.pulls.push(pull);
    this.nodes.set(pull.nodeId, { type: "PullRequest", ref: pull });
    return pull;
  }
  /** POST /pulls semantics: the head branch must exist, differ from base, and have no open PR yet. */
  async openPull(r, req) {
    if ((req.body ?? "").length > BODY_LIMIT) throw bodyTooLong("PullRequest");
    const head = this.resolveHead(r, req.head);
    const headSha = await resolveRef(head.repo.dir, `refs/heads/${head.branch}`);
    if (!headSha) throw validationFailed([{ resource: "PullRequest", field: "head", code: "invalid" }]);
    const baseSha = await resolveRef(r.dir, `refs/heads/${req.base}`);
    if (!baseSha) throw validationFailed([{ resource: "PullRequest", field: "base", code: "invalid" }]);
    const dup = this.state.pulls.find(
      (p) => p.repo === r.fullName && p.state === "open" && p.headRepo === head.repo.fullName && p.headRef === head.branch && p.baseRef === req.base
    );
    if (dup) {
      throw validationFailed([
        {
          resource: "PullRequest",
          code: "custom",
          message: `A pull request already exists for ${head.repo.owner}:${head.branch}.`
        }
      ]);
    }
    if (head.repo !== r) await setRef(r.dir, `refs/fake-compare/${head.branch}`, headSha, head.repo.dir);
    const ahead = await diffStats(r.dir, baseSha, headSha);
    if (head.repo !== r) await deleteRef(r.dir, `refs/fake-compare/${head.branch}`);
    if (ahead.commits === 0) {
      throw validationFailed([
        { resource: "PullRequest", code: "custom", message: `No commits between ${req.base} and ${head.branch}` }
      ]);
    }
    return this.createPull(r, {
      title: req.title,
      body: req.body,
      headRepo: head.repo,
      headRef: head.branch,
      baseRef: req.base,
      draft: req.draft,
      author: this.actor.login,
      state: "open",
      closingIssues: this.closingRefs(r, req.body ?? ""),
      labels: [],
      maintainerCanModify: req.maintainerCanModify
    });
  }
  /** Issue numbers a PR body closes with GitHub's keywords (`fixes #N`, `closes #N`, `resolves #N`). */
  closingRefs(r, body) {
    const out = [];
    for (const m of body.matchAll(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d+)\b/gi)) {
      const n = Number(m[1]);
      const it = this.findItem(r, n);
      if (it?.kind === "issue" && !out.includes(n)) out.push(n);
    }
    return out;
  }
  /** Re-reads a PR's head sha from its repository (a push moves it) and keeps refs/pull/N/head in step. */
  async refreshPull(p) {
    const r = this.repoByFullName(p.repo);
    const headRepo = this.findRepo(...p.headRepo.split("/")) ?? r;
    const sha = await resolveRef(headRepo.dir, `refs/heads/${p.headRef}`);
    if (sha && sha !== p.headSha) {
      p.headSha = sha;
      await setRef(r.dir, `refs/pull/${p.number}/head`, sha, headRepo.dir);
    }
  }
  /**
   * Why a push to this repository is refused (GitHub's 403 message), or null: explicit denials, then forks
   * without write permission unless a user token pushes through an open PR with `maintainerCanModify`.
   */
  pushDenied(r) {
    const denied = this.state.forkPushDenied[r.fullName];
    if (denied !== void 0) return denied;
    if (r.forkOf === null) return null;
    const role = this.permission(r, this.actor.login);
    if (role === "admin" || role === "maintain" || role === "write") return null;
    const viaPull = this.state.pulls.some(
      (p) => p.state === "open" && p.headRepo === r.fullName && p.maintainerCanModify && p.repo !== r.fullName
    );
    if (viaPull && this.actor.type !== "Bot") return null;
    return `Permission to ${r.fullName}.git denied to ${this.actor.login}.`;
  }
  /** The files of a PR's diff (`base...head`, renames detected), as `GET /pulls/{n}/files` lists them. */
  async pullFiles(p) {
    await this.refreshPull(p);
    const r = this.repoByFullName(p.repo);
    const baseSha = await resolveRef(r.dir, `refs/heads/${p.baseRef}`);
    if (!baseSha) return [];
    const text = await diffText(r.dir, baseSha, `refs/pull/${p.number}/head`, ["-M", "--full-index"]);
    return parsePullFiles(text);
  }
  /** POST /pulls/{n}/reviews: a submitted review whose line comments must lie in the PR's diff hunks. */
  async submitReview(r, p, req) {
    if (req.body.length > BODY_LIMIT) throw bodyTooLong("PullRequestReview");
    if (req.event !== "COMMENT" && req.event !== "APPROVE" && req.event !== "REQUEST_CHANGES") {
      throw validationFailed([{ resource: "PullRequestReview", code: "invalid", field: "event" }]);
    }
    if ((req.event === "COMMENT" || req.event === "REQUEST_CHANGES") && req.body === "" && req.comments.length === 0) {
      throw unprocessable("Review Comment is missing a body.");
    }
    await this.refreshPull(p);
    const commitId = req.commitId ?? p.headSha;
    if (!await isAncestor(r.dir, commitId, `refs/pull/${p.number}/head`)) {
      throw unprocessable("Pull request review commit_id is not part of the pull request.");
    }
    const files = await this.pullFiles(p);
    for (const c of req.comments) {
      if (c.body.length > BODY_LIMIT) throw bodyTooLong("PullRequestReviewComment");
      const file = files.find((f) => f.filename === c.path);
      if (!file) throw unprocessable("Path could not be resolved");
      if (c.line === void 0) throw unprocessable("Position or line is required");
      const side = c.side ?? "RIGHT";
      const hunk = hunkOf(file, side, c.line);
      if (!hunk) throw unprocessable("Pull request review thread line must be part of the diff");
      if (c.startLine !== void 0) {
        const startSide = c.startSide ?? side;
        if (c.startLine >= c.line && startSide === side) throw unprocessable("start_line must precede line");
        if (hunkOf(file, startSide, c.startLine) !== hunk) {
          throw unprocessable("Pull request review thread start line must be part of the same hunk as the line.");
        }
      }
    }
    const id = this.id();
    const review = {
      id,
      nodeId: nodeId("PRR", id),
      repo: r.fullName,
      pullNumber: p.number,
      body: req.body,
      state: req.event === "APPROVE" ? "APPROVED" : req.event === "REQUEST_CHANGES" ? "CHANGES_REQUESTED" : "COMMENTED",
      author: this.actor.login,
      submittedAt: this.now(),
      lastEditedAt: null,
      commitId
    };
    this.state.reviews.push(review);
    this.nodes.set(review.nodeId, { type: "PullRequestReview", ref: review });
    for (const c of req.comments) {
      const threadNum = this.id();
      const thread2 = {
        id: nodeId("PRRT", threadNum),
        repo: r.fullName,
        pullNumber: p.number,
        path: c.path,
        line: c.line ?? null,
        isResolved: false,
        resolvedBy: null,
        comments: []
      };
      this.state.reviewThreads.push(thread2);
      this.nodes.set(thread2.id, { type: "PullRequestReviewThread", ref: thread2 });
      const comment = this.replyToThread(thread2, c.body, this.actor.login, { reviewId: review.id });
      comment.side = c.side ?? "RIGHT";
      comment.startLine = c.startLine ?? null;
      comment.startSide = c.startLine === void 0 ? null : c.startSide ?? comment.side;
      comment.commitId = commitId;
    }
    p.updatedAt = this.now();
    return review;
  }
  reviewJson(review) {
    const r = this.repoByFullName(review.repo);
    const html = `${this.urls.web}/${r.fullName}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
    const pullUrl = `${this.urls.api}/repos/${r.fullName}/pulls/${review.pullNumber}`;
    const p = this.pull(r, review.pullNumber);
    return {
      id: review.id,
      node_id: review.nodeId,
      user: this.userJson(review.author),
      body: review.body,
      state: review.state,
      html_url: html,
      pull_request_url: pullUrl,
      _links: { html: { href: html }, pull_request: { href: pullUrl } },
      submitted_at: review.submittedAt ?? void 0,
      commit_id: review.commitId ?? p.headSha,
      author_association: this.authorAssociation(r, review.author)
    };
  }
  diffEntryJson(r, p, f) {
    const web = `${this.urls.web}/${r.fullName}`;
    return {
      sha: f.sha,
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.additions + f.deletions,
      blob_url: `${web}/blob/${p.headSha}/${f.filename}`,
      raw_url: `${web}/raw/${p.headSha}/${f.filename}`,
      contents_url: `${this.urls.api}/repos/${r.fullName}/contents/${f.filename}?ref=${p.headSha}`,
      ...f.patch !== null ? { patch: f.patch } : {},
      ...f.previousFilename !== null ? { previous_filename: f.previousFilename } : {}
    };
  }
  // ---- comments, reactions, reviews ---------------------------------------------------------------------------
  addComment(opts) {
    const r = this.repo(opts.owner, opts.repo);
    const it = this.item(r, opts.issue);
    return this.createComment(
      r,
      it,
      opts.body,
      this.user(opts.author ?? "octocat").login,
      opts.createdAt,
      opts.updatedAt
    );
  }
  createComment(r, it, body, author2, createdAt, updatedAt) {
    const id = this.id();
    const created = createdAt ?? this.now();
    const c = {
      id,
      nodeId: nodeId("IC", id),
      repo: r.fullName,
      issueNumber: it.number,
      body,
      author: author2,
      createdAt: created,
      updatedAt: updatedAt ?? created
    };
    this.state.comments.push(c);
    this.nodes.set(c.nodeId, { type: "IssueComment", ref: c });
    it.updatedAt = this.now();
    return c;
  }
  comment(r, id) {
    const c = this.state.comments.find((x) => x.repo === r.fullName && x.id === id);
    if (!c) throw notFound();
    return c;
  }
  addReaction(subject, content, user) {
    const same = this.state.reactions.find(
      (x) => x.user === user && x.content === content && JSON.stringify(x.subject) === JSON.stringify(subject)
    );
    if (same) return { reaction: same, created: false };
    const id = this.id();
    const reaction = { id, nodeId: nodeId("REA", id), subject, content, user, createdAt: this.now() };
    this.state.reactions.push(reaction);
    return { reaction, created: true };
  }
  addReview(opts) {
    const r = this.repo(opts.owner, opts.repo);
    const p = this.pull(r, opts.pull);
    const id = this.id();
    const review = {
      id,
      nodeId: nodeId("PRR", id),
      repo: r.fullName,
      pullNumber: p.number,
      body: opts.body,
      state: opts.state ?? "COMMENTED",
      author: this.user(opts.author ?? "octocat").login,
      submittedAt: opts.submittedAt ?? this.now(),
      lastEditedAt: opts.lastEditedAt ?? null
    };
    this.state.reviews.push(review);
    this.nodes.set(review.nodeId, { type: "PullRequestReview", ref: review });
    return review;
  }
  addReviewThread(opts) {
    const r = this.repo(opts.owner, opts.repo);
    const p = this.pull(r, opts.pull);
    if (opts.comments.length === 0) throw new Error("fake GitHub: a review thread needs at least one comment");
    const threadNum = this.id();
    const thread2 = {
      id: nodeId("PRRT", threadNum),
      repo: r.fullName,
      pullNumber: p.number,
      path: opts.path,
      line: opts.line ?? null,
      isResolved: opts.isResolved ?? false,
      resolvedBy: null,
      comments: []
    };
    this.state.reviewThreads.push(thread2);
    this.nodes.set(thread2.id, { type: "PullRequestReviewThread", ref: thread2 });
    opts.comments.forEach(
      (c, i) => this.replyToThread(thread2, c.body, this.user(c.author ?? "octocat").login, {
        reviewId: i === 0 ? opts.reviewId ?? null : null,
        ...c.createdAt ? { createdAt: c.createdAt } : {},
        lastEditedAt: c.lastEditedAt ?? null
      })
    );
    return thread2;
  }
  replyToThread(thread2, body, author2, extra = {}) {
    const id = this.id();
    const created = extra.createdAt ?? this.now();
    const c = {
      id,
      nodeId: nodeId("PRRC", id),
      threadId: thread2.id,
      reviewId: extra.reviewId ?? null,
      body,
      path: thread2.path,
      line: thread2.line,
      author: author2,
      createdAt: created,
      updatedAt: extra.lastEditedAt ?? created,
      lastEditedAt: extra.lastEditedAt ?? null,
      inReplyTo: thread2.comments[0]?.id ?? null
    };
    thread2.comments.push(c);
    this.nodes.set(c.nodeId, { type: "PullRequestReviewComment", ref: c });
    return c;
  }
  reviewComment(r, id) {
    for (const thread2 of this.state.reviewThreads) {
      if (thread2.repo !== r.fullName) continue;
      const comment = thread2.comments.find((c) => c.id === id);
      if (comment) return { thread: thread2, comment };
    }
    throw notFound();
  }
  // ---- JSON shapes (GitHub REST v3) ---------------------------------------------------------------------------
  userJson(login) {
    const u = this.user(login);
    const api = `${this.urls.api}/users/${encodeURIComponent(u.login)}`;
    return {
      login: u.login,
      id: u.id,
      node_id: u.nodeId,
      avatar_url: `${this.urls.web}/avatars/${encodeURIComponent(u.login)}`,
      gravatar_id: "",
      url: api,
      html_url: u.type === "Bot" ? `${this.urls.web}/apps/${encodeURIComponent(u.login.replace(/\[bot\]$/, ""))}` : `${this.urls.web}/${encodeURIComponent(u.login)}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: u.type,
      user_view_type: "public",
      site_admin: false
    };
  }
  privateUserJson(login) {
    const u = this.user(login);
    return {
      ...this.userJson(login),
      name: u.name,
      company: null,
      blog: "",
      location: null,
      email: u.email,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: this.state.repos.filter((r) => r.owner === u.login && !r.private).length,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: "2020-01-01T00:00:00Z",
      updated_at: "2020-01-01T00:00:00Z",
      private_gists: 0,
      total_private_repos: this.state.repos.filter((r) => r.owner === u.login && r.private).length,
      owned_private_repos: this.state.repos.filter((r) => r.owner === u.login && r.private).length,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: false
    };
  }
  repoJson(r) {
    const api = `${this.urls.api}/repos/${r.fullName}`;
    const html = `${this.urls.web}/${r.fullName}`;
    const openIssues = [...this.state.issues, ...this.state.pulls].filter(
      (i) => i.repo === r.fullName && i.state === "open" && !i.deleted
    ).length;
    return {
      id: r.id,
      node_id: r.nodeId,
      name: r.name,
      full_name: r.fullName,
      private: r.private,
      owner: this.userJson(r.owner),
      html_url: html,
      description: r.description,
      fork: r.forkOf !== null,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      assignees_url: `${api}/assignees{/user}`,
      blobs_url: `${api}/git/blobs{/sha}`,
      branches_url: `${api}/branches{/branch}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      comments_url: `${api}/comments{/number}`,
      commits_url: `${api}/commits{/sha}`,
      compare_url: `${api}/compare/{base}...{head}`,
      contents_url: `${api}/contents/{+path}`,
      contributors_url: `${api}/contributors`,
      deployments_url: `${api}/deployments`,
      downloads_url: `${api}/downloads`,
      events_url: `${api}/events`,
      forks_url: `${api}/forks`,
      git_commits_url: `${api}/git/commits{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_url: `${this.urls.web.replace(/^http/, "git")}/${r.fullName}.git`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      issue_events_url: `${api}/issues/events{/number}`,
      issues_url: `${api}/issues{/number}`,
      keys_url: `${api}/keys{/key_id}`,
      labels_url: `${api}/labels{/name}`,
      languages_url: `${api}/languages`,
      merges_url: `${api}/merges`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      pulls_url: `${api}/pulls{/number}`,
      releases_url: `${api}/releases{/id}`,
      ssh_url: `git@127.0.0.1:${r.fullName}.git`,
      stargazers_url: `${api}/stargazers`,
      statuses_url: `${api}/statuses/{sha}`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      tags_url: `${api}/tags`,
      teams_url: `${api}/teams`,
      trees_url: `${api}/git/trees{/sha}`,
      clone_url: `${html}.git`,
      mirror_url: null,
      hooks_url: `${api}/hooks`,
      svn_url: html,
      homepage: null,
      language: null,
      forks_count: 0,
      forks: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 1,
      default_branch: r.defaultBranch,
      open_issues_count: openIssues,
      open_issues: openIssues,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: false,
      has_wiki: false,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: r.archived,
      disabled: false,
      visibility: r.private ? "private" : "public",
      pushed_at: r.createdAt,
      created_at: r.createdAt,
      updated_at: r.createdAt,
      license: null,
      allow_forking: true,
      web_commit_signoff_required: false,
      network_count: 0,
      subscribers_count: 0
    };
  }
  labelsJson(r, labels) {
    return labels.map((name, i) => ({
      id: 9e3 + i,
      node_id: nodeId("LA", 9e3 + i),
      url: `${this.urls.api}/repos/${r.fullName}/labels/${encodeURIComponent(name)}`,
      name,
      description: null,
      color: "ededed",
      default: false
    }));
  }
  itemHtmlUrl(it) {
    return `${this.urls.web}/${it.repo}/${it.kind === "pull" ? "pull" : "issues"}/${it.number}`;
  }
  issueJson(it) {
    const r = this.repoByFullName(it.repo);
    const api = `${this.urls.api}/repos/${r.fullName}/issues/${it.number}`;
    const json = {
      id: it.id,
      node_id: it.nodeId,
      url: api,
      repository_url: `${this.urls.api}/repos/${r.fullName}`,
      labels_url: `${api}/labels{/name}`,
      comments_url: `${api}/comments`,
      events_url: `${api}/events`,
      html_url: this.itemHtmlUrl(it),
      number: it.number,
      state: it.state,
      state_reason: it.state === "closed" ? "completed" : null,
      title: it.title,
      body: it.body,
      user: this.userJson(it.author),
      labels: this.labelsJson(r, it.labels),
      assignee: it.assignees[0] ? this.userJson(it.assignees[0]) : null,
      assignees: it.assignees.map((a) => this.userJson(a)),
      milestone: null,
      locked: it.locked,
      active_lock_reason: it.locked ? "resolved" : null,
      comments: this.state.comments.filter((c) => c.repo === r.fullName && c.issueNumber === it.number).length,
      closed_at: it.closedAt,
      created_at: it.createdAt,
      updated_at: it.updatedAt,
      author_association: this.authorAssociation(r, it.author)
    };
    if (it.kind === "pull") {
      json.draft = it.draft;
      json.pull_request = {
        url: `${this.urls.api}/repos/${r.fullName}/pulls/${it.number}`,
        html_url: this.itemHtmlUrl(it),
        diff_url: `${this.itemHtmlUrl(it)}.diff`,
        patch_url: `${this.itemHtmlUrl(it)}.patch`,
        merged_at: null
      };
    }
    return json;
  }
  commentJson(c) {
    const r = this.repoByFullName(c.repo);
    const it = this.findItem(r, c.issueNumber);
    return {
      id: c.id,
      node_id: c.nodeId,
      url: `${this.urls.api}/repos/${r.fullName}/issues/comments/${c.id}`,
      html_url: `${it ? this.itemHtmlUrl(it) : `${this.urls.web}/${r.fullName}/issues/${c.issueNumber}`}#issuecomment-${c.id}`,
      body: c.body,
      user: this.userJson(c.author),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      issue_url: `${this.urls.api}/repos/${r.fullName}/issues/${c.issueNumber}`,
      author_association: this.authorAssociation(r, c.author)
    };
  }
  reactionJson(x) {
    return {
      id: x.id,
      node_id: x.nodeId,
      user: this.userJson(x.user),
      content: x.content,
      created_at: x.createdAt
    };
  }
  linkJson(href) {
    return { href };
  }
  /** The `pull-request-simple` shape (list and requested_reviewers answers). */
  async pullSimpleJson(p) {
    await this.refreshPull(p);
    const r = this.repoByFullName(p.repo);
    const headRepo = this.findRepo(...p.headRepo.split("/")) ?? r;
    const baseSha = await resolveRef(r.dir, `refs/heads/${p.baseRef}`) ?? "";
    const api = `${this.urls.api}/repos/${r.fullName}`;
    const html = this.itemHtmlUrl(p);
    return {
      url: `${api}/pulls/${p.number}`,
      id: p.id,
      node_id: p.nodeId,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${api}/issues/${p.number}`,
      commits_url: `${api}/pulls/${p.number}/commits`,
      review_comments_url: `${api}/pulls/${p.number}/comments`,
      review_comment_url: `${api}/pulls/comments{/number}`,
      comments_url: `${api}/issues/${p.number}/comments`,
      statuses_url: `${api}/statuses/${p.headSha}`,
      number: p.number,
      state: p.state,
      locked: p.locked,
      title: p.title,
      user: this.userJson(p.author),
      body: p.body,
      labels: this.labelsJson(r, p.labels),
      milestone: null,
      active_lock_reason: null,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: p.closedAt,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: p.requestedReviewers.map((u) => this.userJson(u)),
      requested_teams: [],
      head: {
        label: `${headRepo.owner}:${p.headRef}`,
        ref: p.headRef,
        sha: p.headSha,
        user: this.userJson(headRepo.owner),
        repo: this.repoJson(headRepo)
      },
      base: {
        label: `${r.owner}:${p.baseRef}`,
        ref: p.baseRef,
        sha: baseSha,
        user: this.userJson(r.owner),
        repo: this.repoJson(r)
      },
      _links: {
        self: this.linkJson(`${api}/pulls/${p.number}`),
        html: this.linkJson(html),
        issue: this.linkJson(`${api}/issues/${p.number}`),
        comments: this.linkJson(`${api}/issues/${p.number}/comments`),
        review_comments: this.linkJson(`${api}/pulls/${p.number}/comments`),
        review_comment: this.linkJson(`${api}/pulls/comments{/number}`),
        commits: this.linkJson(`${api}/pulls/${p.number}/commits`),
        statuses: this.linkJson(`${api}/statuses/${p.headSha}`)
      },
      author_association: this.authorAssociation(r, p.author),
      auto_merge: null,
      draft: p.draft
    };
  }
  /** The full `pull-request` shape, with diff statistics from the bare repository. */
  async pullJson(p) {
    const simple = await this.pullSimpleJson(p);
    const r = this.repoByFullName(p.repo);
    const headRepo = this.findRepo(...p.headRepo.split("/")) ?? r;
    let stats = { commits: 0, additions: 0, deletions: 0, changedFiles: 0 };
    const baseSha = await resolveRef(r.dir, `refs/heads/${p.baseRef}`);
    if (baseSha && await resolveRef(r.dir, `refs/pull/${p.number}/head`)) {
      stats = await diffStats(r.dir, baseSha, `refs/pull/${p.number}/head`);
    }
    return {
      ...simple,
      merged: p.merged,
      mergeable: null,
      rebaseable: null,
      mergeable_state: "unknown",
      merged_by: null,
      comments: this.state.comments.filter((c) => c.repo === r.fullName && c.issueNumber === p.number).length,
      review_comments: this.state.reviewThreads.filter((t) => t.repo === r.fullName && t.pullNumber === p.number).reduce((n, t) => n + t.comments.length, 0),
      maintainer_can_modify: headRepo !== r && p.maintainerCanModify,
      commits: stats.commits,
      additions: stats.additions,
      deletions: stats.deletions,
      changed_files: stats.changedFiles
    };
  }
  reviewCommentJson(thread2, c) {
    const r = this.repoByFullName(thread2.repo);
    const api = `${this.urls.api}/repos/${r.fullName}`;
    const html = `${this.urls.web}/${r.fullName}/pull/${thread2.pullNumber}#discussion_r${c.id}`;
    const p = this.pull(r, thread2.pullNumber);
    return {
      url: `${api}/pulls/comments/${c.id}`,
      pull_request_review_id: c.reviewId,
      id: c.id,
      node_id: c.nodeId,
      diff_hunk: "@@ -1,1 +1,1 @@",
      path: c.path,
      commit_id: c.commitId ?? p.headSha,
      original_commit_id: c.commitId ?? p.headSha,
      user: this.userJson(c.author),
      body: c.body,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      html_url: html,
      pull_request_url: `${api}/pulls/${thread2.pullNumber}`,
      author_association: this.authorAssociation(r, c.author),
      _links: {
        self: { href: `${api}/pulls/comments/${c.id}` },
        html: { href: html },
        pull_request: { href: `${api}/pulls/${thread2.pullNumber}` }
      },
      line: c.line,
      side: c.side ?? "RIGHT",
      ...c.startLine ? { start_line: c.startLine, start_side: c.startSide ?? c.side ?? "RIGHT" } : {},
      ...c.inReplyTo ? { in_reply_to_id: c.inReplyTo } : {}
    };
  }
  async branchJson(r, name) {
    const sha = await resolveRef(r.dir, `refs/heads/${name}`);
    if (!sha) throw notFound("Branch not found");
    const [entry] = await gitLog(r.dir, sha, 1);
    const api = `${this.urls.api}/repos/${r.fullName}`;
    const person = (n, e, d) => ({ name: n, email: e, date: d.replace(/\+00:00$/, "Z") });
    return {
      name,
      commit: {
        sha,
        node_id: nodeId("C", Number.parseInt(sha.slice(0, 8), 16)),
        url: `${api}/commits/${sha}`,
        html_url: `${this.urls.web}/${r.fullName}/commit/${sha}`,
        comments_url: `${api}/commits/${sha}/comments`,
        commit: {
          url: `${api}/git/commits/${sha}`,
          author: person(entry?.authorName ?? "", entry?.authorEmail ?? "", entry?.authorDate ?? this.now()),
          committer: person(entry?.committerName ?? "", entry?.committerEmail ?? "", entry?.authorDate ?? this.now()),
          message: entry?.message ?? "",
          comment_count: 0,
          tree: { sha: "0".repeat(40), url: `${api}/git/trees/${sha}` },
          verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null }
        },
        author: null,
        committer: null,
        parents: (entry?.parents ?? []).map((s) => ({
          sha: s,
          url: `${api}/commits/${s}`,
          html_url: `${this.urls.web}/${r.fullName}/commit/${s}`
        }))
      },
      _links: {
        self: `${api}/branches/${encodeURIComponent(name)}`,
        html: `${this.urls.web}/${r.fullName}/tree/${name}`
      },
      protected: false,
      protection: { enabled: false, required_status_checks: { enforcement_level: "off", contexts: [], checks: [] } },
      protection_url: `${api}/branches/${encodeURIComponent(name)}/protection`
    };
  }
  permissionJson(r, login) {
    const role = this.permission(r, login);
    const legacy = {
      admin: "admin",
      maintain: "write",
      write: "write",
      triage: "read",
      read: "read",
      none: "none"
    };
    const can = (...roles) => roles.includes(role);
    return {
      permission: legacy[role],
      role_name: role === "none" ? "none" : role,
      user: {
        ...this.userJson(login),
        permissions: {
          admin: can("admin"),
          maintain: can("admin", "maintain"),
          push: can("admin", "maintain", "write"),
          triage: can("admin", "maintain", "write", "triage"),
          pull: can("admin", "maintain", "write", "triage", "read")
        },
        role_name: role
      }
    };
  }
};
function unprocessable(message) {
  return new HttpProblem(422, {
    message: "Unprocessable Entity",
    errors: [message],
    documentation_url: "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request",
    status: "422"
  });
}
function hunkOf(f, side, line) {
  for (const h of f.hunks) {
    const [a, b] = side === "LEFT" ? h.left : h.right;
    if (line >= a && line <= b) return h;
  }
  return null;
}
function parsePullFiles(text) {
  const out = [];
  const chunks = text.split(/^(?=diff --git )/m).filter((c) => c.startsWith("diff --git "));
  for (const chunk of chunks) {
    const lines = chunk.split("\n");
    let oldPath = null;
    let newPath = null;
    let status = "modified";
    let sha = "0".repeat(40);
    let binary = false;
    const at = lines.findIndex((l) => l.startsWith("@@"));
    const header = at === -1 ? lines : lines.slice(0, at);
    for (const l of header) {
      if (l.startsWith("new file mode")) status = "added";
      else if (l.startsWith("deleted file mode")) status = "removed";
      else if (l.startsWith("rename from ")) {
        status = "renamed";
        oldPath = l.slice("rename from ".length);
      } else if (l.startsWith("rename to ")) newPath = l.slice("rename to ".length);
      else if (l.startsWith("--- ")) oldPath ??= l === "--- /dev/null" ? null : l.slice(6).replace(/\t$/, "");
      else if (l.startsWith("+++ ")) newPath ??= l === "+++ /dev/null" ? null : l.slice(6).replace(/\t$/, "");
      else if (l.startsWith("index ")) sha = /\.\.([0-9a-f]+)/.exec(l)?.[1] ?? sha;
      else if (l.startsWith("Binary files ") || l === "GIT binary patch") binary = true;
    }
    const m = /^diff --git a\/(.+) b\/(.+)$/.exec(lines[0] ?? "");
    const filename = newPath ?? (status === "removed" ? oldPath ?? m?.[1] : m?.[2]) ?? "";
    const f = {
      filename,
      previousFilename: status === "renamed" ? oldPath : null,
      status,
      sha,
      additions: 0,
      deletions: 0,
      patch: null,
      hunks: []
    };
    if (at !== -1 && !binary) {
      const body = lines.slice(at);
      while (body.length > 0 && body.at(-1) === "") body.pop();
      f.patch = body.join("\n");
      for (const l of body) {
        const h = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(l);
        if (h) {
          const os3 = Number(h[1]);
          const oc = h[2] === void 0 ? 1 : Number(h[2]);
          const ns = Number(h[3]);
          const nc = h[4] === void 0 ? 1 : Number(h[4]);
          f.hunks.push({ left: [os3, os3 + oc - 1], right: [ns, ns + nc - 1] });
        } else if (l.startsWith("+")) f.additions++;
        else if (l.startsWith("-")) f.deletions++;
      }
    }
    out.push(f);
  }
  return out;
}

// src/testing/fake-github/graphql.ts
var GraphqlSyntaxError = class extends Error {
};
function tokenize(src) {
  const tokens = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const push = (kind, value, start) => tokens.push({ kind, value, line, column: start - lineStart + 1 });
  while (i < src.length) {
    const ch = src[i] ?? "";
    if (ch === "\n") {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (/[\s,\uFEFF]/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (src.startsWith("...", i)) {
      push("punct", "...", i);
      i += 3;
      continue;
    }
    if ("!$():=@[]{}|&".includes(ch)) {
      push("punct", ch, i);
      i++;
      continue;
    }
    if (/[_A-Za-z]/.test(ch)) {
      const m = /^[_0-9A-Za-z]+/.exec(src.slice(i));
      push("name", m?.[0] ?? ch, i);
      i += m?.[0].length ?? 1;
      continue;
    }
    if (/[-0-9]/.test(ch)) {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(src.slice(i));
      if (!m) throw new GraphqlSyntaxError(`Syntax Error: Invalid number at line ${line}`);
      push(m[2] || m[3] ? "float" : "int", m[0], i);
      i += m[0].length;
      continue;
    }
    if (src.startsWith('"""', i)) {
      const end = src.indexOf('"""', i + 3);
      if (end === -1) throw new GraphqlSyntaxError("Syntax Error: Unterminated string.");
      const raw = src.slice(i + 3, end);
      push("string", raw.replace(/\\"""/g, '"""'), i);
      for (const c of raw) if (c === "\n") line++;
      i = end + 3;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') {
        if (src[j] === "\\") j++;
        if (src[j] === "\n") throw new GraphqlSyntaxError("Syntax Error: Unterminated string.");
        j++;
      }
      if (j >= src.length) throw new GraphqlSyntaxError("Syntax Error: Unterminated string.");
      push("string", JSON.parse(src.slice(i, j + 1)), i);
      i = j + 1;
      continue;
    }
    throw new GraphqlSyntaxError(`Syntax Error: Unexpected character "${ch}" at line ${line}.`);
  }
  return tokens;
}
var Parser = class {
  pos = 0;
  tokens;
  constructor(tokens) {
    this.tokens = tokens;
  }
  peek() {
    return this.tokens[this.pos];
  }
  next() {
    const t = this.tokens[this.pos++];
    if (!t) throw new GraphqlSyntaxError("Syntax Error: Unexpected end of document.");
    return t;
  }
  isPunct(v) {
    const t = this.peek();
    return t?.kind === "punct" && t.value === v;
  }
  expectPunct(v) {
    const t = this.next();
    if (t.kind !== "punct" || t.value !== v) {
      throw new GraphqlSyntaxError(`Syntax Error: Expected "${v}", found "${t.value}" at line ${t.line}.`);
    }
  }
  name() {
    const t = this.next();
    if (t.kind !== "name")
      throw new GraphqlSyntaxError(`Syntax Error: Expected a name, found "${t.value}" at line ${t.line}.`);
    return t.value;
  }
  document() {
    const doc2 = { operations: [], fragments: /* @__PURE__ */ new Map() };
    while (this.peek()) {
      const t = this.peek();
      if (t?.kind === "punct" && t.value === "{") {
        doc2.operations.push({ type: "query", name: null, variables: [], selections: this.selectionSet() });
      } else if (t?.kind === "name" && (t.value === "query" || t.value === "mutation" || t.value === "subscription")) {
        this.next();
        const name = this.peek()?.kind === "name" ? this.name() : null;
        const variables = this.isPunct("(") ? this.variableDefinitions() : [];
        this.noDirectives();
        doc2.operations.push({ type: t.value, name, variables, selections: this.selectionSet() });
      } else if (t?.kind === "name" && t.value === "fragment") {
        this.next();
        const name = this.name();
        if (this.name() !== "on") throw new GraphqlSyntaxError('Syntax Error: Expected "on".');
        const typeCondition = this.name();
        this.noDirectives();
        doc2.fragments.set(name, { typeCondition, selections: this.selectionSet() });
      } else {
        throw new GraphqlSyntaxError(`Syntax Error: Unexpected "${t?.value}" at line ${t?.line}.`);
      }
    }
    return doc2;
  }
  noDirectives() {
    if (this.isPunct("@")) throw new GraphqlSyntaxError("Directives are not supported by the fake GitHub.");
  }
  variableDefinitions() {
    const out = [];
    this.expectPunct("(");
    while (!this.isPunct(")")) {
      this.expectPunct("$");
      const name = this.name();
      this.expectPunct(":");
      const type = this.typeRef();
      let defaultValue = null;
      if (this.isPunct("=")) {
        this.next();
        defaultValue = this.value(true);
      }
      out.push({ name, type, defaultValue });
    }
    this.expectPunct(")");
    return out;
  }
  typeRef() {
    if (this.isPunct("[")) {
      this.next();
      const inner = this.typeRef();
      this.expectPunct("]");
      const nonNull2 = this.isPunct("!");
      if (nonNull2) this.next();
      return { name: inner.name, list: true, nonNull: nonNull2, innerNonNull: inner.nonNull };
    }
    const name = this.name();
    const nonNull = this.isPunct("!");
    if (nonNull) this.next();
    return { name, list: false, nonNull, innerNonNull: false };
  }
  selectionSet() {
    this.expectPunct("{");
    const out = [];
    while (!this.isPunct("}")) out.push(this.selection());
    this.expectPunct("}");
    if (out.length === 0) throw new GraphqlSyntaxError("Syntax Error: Empty selection set.");
    return out;
  }
  selection() {
    if (this.isPunct("...")) {
      this.next();
      const t = this.peek();
      if (t?.kind === "name" && t.value === "on") {
        this.next();
        const typeCondition = this.name();
        this.noDirectives();
        return { kind: "inline", typeCondition, selections: this.selectionSet() };
      }
      if (this.isPunct("{")) return { kind: "inline", typeCondition: null, selections: this.selectionSet() };
      const name2 = this.name();
      this.noDirectives();
      return { kind: "spread", name: name2 };
    }
    const first = this.next();
    if (first.kind !== "name") throw new GraphqlSyntaxError(`Syntax Error: Expected a field, found "${first.value}".`);
    let alias = null;
    let name = first.value;
    if (this.isPunct(":")) {
      this.next();
      alias = name;
      name = this.name();
    }
    const args = {};
    if (this.isPunct("(")) {
      this.next();
      while (!this.isPunct(")")) {
        const argName = this.name();
        this.expectPunct(":");
        args[argName] = this.value(false);
      }
      this.expectPunct(")");
    }
    this.noDirectives();
    const selections = this.isPunct("{") ? this.selectionSet() : null;
    return { kind: "field", alias, name, args, selections, line: first.line, column: first.column };
  }
  value(constant) {
    const t = this.next();
    if (t.kind === "punct" && t.value === "$") {
      if (constant) throw new GraphqlSyntaxError("Syntax Error: Unexpected variable in a constant.");
      return { kind: "var", name: this.name() };
    }
    if (t.kind === "int") return { kind: "int", value: Number(t.value) };
    if (t.kind === "float") return { kind: "float", value: Number(t.value) };
    if (t.kind === "string") return { kind: "string", value: t.value };
    if (t.kind === "name") {
      if (t.value === "true" || t.value === "false") return { kind: "boolean", value: t.value === "true" };
      if (t.value === "null") return { kind: "null" };
      return { kind: "enum", value: t.value };
    }
    if (t.kind === "punct" && t.value === "[") {
      const values = [];
      while (!this.isPunct("]")) values.push(this.value(constant));
      this.next();
      return { kind: "list", values };
    }
    if (t.kind === "punct" && t.value === "{") {
      const fields = {};
      while (!this.isPunct("}")) {
        const n = this.name();
        this.expectPunct(":");
        fields[n] = this.value(constant);
      }
      this.next();
      return { kind: "object", fields };
    }
    throw new GraphqlSyntaxError(`Syntax Error: Unexpected "${t.value}" at line ${t.line}.`);
  }
};
function parseGraphql(source) {
  return new Parser(tokenize(source)).document();
}
var FieldError = class extends Error {
  type;
  constructor(message, type) {
    super(message);
    this.type = type;
  }
};
var SCALARS = /* @__PURE__ */ new Set([
  "String",
  "Int",
  "Float",
  "Boolean",
  "ID",
  "DateTime",
  "BigInt",
  "URI",
  "GitObjectID",
  "HTML",
  "PullRequestState",
  "IssueState",
  "PullRequestReviewState",
  "ReactionContent"
]);
var REACTIONS = {
  THUMBS_UP: "+1",
  THUMBS_DOWN: "-1",
  LAUGH: "laugh",
  HOORAY: "hooray",
  CONFUSED: "confused",
  HEART: "heart",
  ROCKET: "rocket",
  EYES: "eyes"
};
var REACTION_ENUM = Object.fromEntries(Object.entries(REACTIONS).map(([k, v]) => [v, k]));
function cursor(i) {
  return Buffer.from(`cursor:v2:${i}`).toString("base64");
}
function connection(items, args, field) {
  const first = args.first;
  if (args.last !== void 0 || args.before !== void 0) {
    throw new FieldError(`The fake GitHub supports only first/after pagination (on the \`${field}\` connection).`);
  }
  if (typeof first !== "number") {
    throw new FieldError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`
    );
  }
  if (first < 0 || first > 100) {
    throw new FieldError(
      `Requesting ${first} records on the \`${field}\` connection exceeds the \`first\` limit of 100 records.`
    );
  }
  let start = 0;
  if (typeof args.after === "string") {
    const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(args.after, "base64").toString("utf8"));
    if (!m) throw new FieldError(`\`${args.after}\` does not appear to be a valid cursor.`);
    start = Number(m[1]) + 1;
  }
  const page2 = items.slice(start, start + first);
  return { items: page2, start, total: items.length, hasNext: start + first < items.length };
}
function connectionTypes(name, node) {
  const conn = (p) => p;
  return {
    [`${name}Connection`]: {
      fields: {
        nodes: { type: `[${node}]`, resolve: (p) => conn(p).items },
        edges: {
          type: `[${name}Edge]`,
          resolve: (p) => conn(p).items.map((node2, i) => ({ node: node2, cursor: cursor(conn(p).start + i) }))
        },
        pageInfo: {
          type: "PageInfo",
          resolve: (p) => {
            const c = conn(p);
            return {
              hasNextPage: c.hasNext,
              hasPreviousPage: c.start > 0,
              startCursor: c.items.length > 0 ? cursor(c.start) : null,
              endCursor: c.items.length > 0 ? cursor(c.start + c.items.length - 1) : null
            };
          }
        },
        totalCount: { type: "Int", resolve: (p) => conn(p).total }
      }
    },
    [`${name}Edge`]: {
      fields: {
        node: { type: node, resolve: (p) => p.node },
        cursor: { type: "String", resolve: (p) => p.cursor }
      }
    }
  };
}
var actorFields = () => ({
  login: { type: "String", resolve: (p) => p.login },
  url: { type: "URI", resolve: (p, _a, { m }) => `${m.urls.web}/${p.login}` },
  avatarUrl: {
    type: "URI",
    args: { size: "Int" },
    resolve: (p, _a, { m }) => `${m.urls.web}/avatars/${p.login}`
  }
});
var userFields = () => ({
  ...actorFields(),
  id: { type: "ID", resolve: (p) => p.nodeId },
  databaseId: { type: "Int", resolve: (p) => p.id },
  name: { type: "String", resolve: (p) => p.name }
});
function author(m, login) {
  return m.user(login);
}
var databaseIds = (get) => ({
  databaseId: { type: "Int", resolve: (p) => get(p) },
  fullDatabaseId: { type: "BigInt", resolve: (p) => String(get(p)) }
});
function byNodeId(m, id) {
  const hit = typeof id === "string" ? m.nodes.get(id) : void 0;
  if (!hit) throw new FieldError(`Could not resolve to a node with the global id of '${String(id)}'`, "NOT_FOUND");
  return hit;
}
function input(args, required, optional = []) {
  const value = args.input;
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new FieldError("Argument `input` must be an object.");
  const o = value;
  for (const k of Object.keys(o)) {
    if (!required.includes(k) && !optional.includes(k) && k !== "clientMutationId") {
      throw new FieldError(`InputObject has an invalid argument: ${k}`);
    }
  }
  for (const k of required) {
    if (o[k] === void 0 || o[k] === null) throw new FieldError(`Argument '${k}' on InputObject is required.`);
  }
  return o;
}
function thread(m, id) {
  const hit = byNodeId(m, id);
  if (hit.type !== "PullRequestReviewThread") {
    throw new FieldError(
      `Could not resolve to PullRequestReviewThread node with the global id of '${String(id)}'.`,
      "NOT_FOUND"
    );
  }
  return hit.ref;
}
var SCHEMA = {
  Query: {
    fields: {
      repository: {
        type: "Repository",
        args: { owner: "String!", name: "String!", followRenames: "Boolean" },
        resolve: (_p, a, { m }) => {
          const r = m.findRepo(String(a.owner), String(a.name));
          if (!r)
            throw new FieldError(
              `Could not resolve to a Repository with the name '${String(a.owner)}/${String(a.name)}'.`,
              "NOT_FOUND"
            );
          return r;
        }
      },
      node: { type: "Node", args: { id: "ID!" }, resolve: (_p, a, { m }) => byNodeId(m, a.id) },
      viewer: { type: "User", resolve: (_p, _a, { m }) => m.actor },
      rateLimit: {
        type: "RateLimit",
        args: { dryRun: "Boolean" },
        resolve: () => ({ limit: 5e3, remaining: 4999, used: 1, cost: 1, resetAt: "2099-01-01T00:00:00Z" })
      }
    }
  },
  RateLimit: {
    fields: Object.fromEntries(
      ["limit", "remaining", "used", "cost", "resetAt"].map((k) => [
        k,
        { type: k === "resetAt" ? "DateTime" : "Int", resolve: (p) => p[k] }
      ])
    )
  },
  Mutation: {
    fields: {
      addPullRequestReviewThreadReply: {
        type: "AddPullRequestReviewThreadReplyPayload",
        args: { input: "AddPullRequestReviewThreadReplyInput!" },
        resolve: (_p, a, { m }) => {
          const i = input(a, ["body"], ["pullRequestReviewThreadId", "pullRequestReviewId"]);
          if (typeof i.body !== "string") throw new FieldError("Argument body on InputObject must be a String.");
          if (i.body.trim() === "") throw new FieldError("Body can't be blank", "UNPROCESSABLE");
          if (i.body.length > BODY_LIMIT)
            throw new FieldError(`Body is too long (maximum is ${BODY_LIMIT} characters)`, "UNPROCESSABLE");
          if (i.pullRequestReviewThreadId === void 0)
            throw new FieldError("pullRequestReviewThreadId is required by the fake GitHub.");
          const t = thread(m, i.pullRequestReviewThreadId);
          const comment = m.replyToThread(t, i.body, m.actor.login);
          return { clientMutationId: i.clientMutationId ?? null, comment };
        }
      },
      resolveReviewThread: {
        type: "ResolveReviewThreadPayload",
        args: { input: "ResolveReviewThreadInput!" },
        resolve: (_p, a, { m }) => {
          const i = input(a, ["threadId"]);
          const t = thread(m, i.threadId);
          t.isResolved = true;
          t.resolvedBy = m.actor.login;
          return { clientMutationId: i.clientMutationId ?? null, thread: t };
        }
      },
      unresolveReviewThread: {
        type: "ResolveReviewThreadPayload",
        args: { input: "UnresolveReviewThreadInput!" },
        resolve: (_p, a, { m }) => {
          const i = input(a, ["threadId"]);
          const t = thread(m, i.threadId);
          t.isResolved = false;
          t.resolvedBy = null;
          return { clientMutationId: i.clientMutationId ?? null, thread: t };
        }
      },
      addReaction: {
        type: "AddReactionPayload",
        args: { input: "AddReactionInput!" },
        resolve: (_p, a, { m }) => {
          const i = input(a, ["subjectId", "content"]);
          const content = REACTIONS[String(i.content)];
          if (!content)
            throw new FieldError(
              `Argument 'content' on InputObject 'AddReactionInput' has an invalid value (${String(i.content)}).`
            );
          const subject = byNodeId(m, i.subjectId);
          const reactable = ["Issue", "PullRequest", "IssueComment", "PullRequestReview", "PullRequestReviewComment"];
          if (!reactable.includes(subject.type)) throw new FieldError(`${subject.type} cannot be reacted to.`);
          const { reaction } = m.addReaction({ type: "node", nodeId: String(i.subjectId) }, content, m.actor.login);
          return { clientMutationId: i.clientMutationId ?? null, reaction, subject };
        }
      }
    }
  },
  AddPullRequestReviewThreadReplyPayload: {
    fields: {
      clientMutationId: { type: "String", resolve: (p) => p.clientMutationId },
      comment: { type: "PullRequestReviewComment", resolve: (p) => p.comment }
    }
  },
  ResolveReviewThreadPayload: {
    fields: {
      clientMutationId: { type: "String", resolve: (p) => p.clientMutationId },
      thread: { type: "PullRequestReviewThread", resolve: (p) => p.thread }
    }
  },
  AddReactionPayload: {
    fields: {
      clientMutationId: { type: "String", resolve: (p) => p.clientMutationId },
      reaction: { type: "Reaction", resolve: (p) => p.reaction },
      subject: { type: "Node", resolve: (p) => p.subject }
    }
  },
  Reaction: {
    fields: {
      id: { type: "ID", resolve: (p) => p.nodeId },
      content: { type: "ReactionContent", resolve: (p) => REACTION_ENUM[p.content] },
      user: { type: "User", resolve: (p, _a, { m }) => m.user(p.user) },
      createdAt: { type: "DateTime", resolve: (p) => p.createdAt }
    }
  },
  Node: {
    // Interface: `node(id)` and reaction subjects are node-registry entries ({ type, ref }).
    fields: { id: { type: "ID", resolve: () => null } },
    resolveType: (p) => ({ type: p.type, value: p.ref })
  },
  Actor: {
    fields: actorFields(),
    resolveType: (p) => ({ type: p.type === "Bot" ? "Bot" : "User", value: p })
  },
  User: { fields: userFields() },
  Bot: { fields: { ...actorFields(), id: { type: "ID", resolve: (p) => p.nodeId } } },
  Repository: {
    fields: {
      id: { type: "ID", resolve: (p) => p.nodeId },
      databaseId: { type: "Int", resolve: (p) => p.id },
      name: { type: "String", resolve: (p) => p.name },
      nameWithOwner: { type: "String", resolve: (p) => p.fullName },
      owner: { type: "Actor", resolve: (p, _a, { m }) => m.user(p.owner) },
      isPrivate: { type: "Boolean", resolve: (p) => p.private },
      url: { type: "URI", resolve: (p, _a, { m }) => `${m.urls.web}/${p.fullName}` },
      defaultBranchRef: {
        type: "Ref",
        resolve: (p) => ({ name: p.defaultBranch })
      },
      pullRequest: {
        type: "PullRequest",
        args: { number: "Int!" },
        resolve: (p, a, { m }) => {
          const r = p;
          const pr = m.state.pulls.find((x) => x.repo === r.fullName && x.number === a.number);
          if (!pr)
            throw new FieldError(
              `Could not resolve to a PullRequest with the number of ${String(a.number)}.`,
              "NOT_FOUND"
            );
          return pr;
        }
      },
      issue: {
        type: "Issue",
        args: { number: "Int!" },
        resolve: (p, a, { m }) => {
          const r = p;
          const it = m.state.issues.find((x) => x.repo === r.fullName && x.number === a.number && !x.deleted);
          if (!it)
            throw new FieldError(`Could not resolve to an Issue with the number of ${String(a.number)}.`, "NOT_FOUND");
          return it;
        }
      }
    }
  },
  Ref: { fields: { name: { type: "String", resolve: (p) => p.name } } },
  Issue: {
    fields: {
      id: { type: "ID", resolve: (p) => p.nodeId },
      ...databaseIds((p) => p.id),
      number: { type: "Int", resolve: (p) => p.number },
      title: { type: "String", resolve: (p) => p.title },
      body: { type: "String", resolve: (p) => p.body ?? "" },
      state: { type: "IssueState", resolve: (p) => p.state.toUpperCase() },
      url: { type: "URI", resolve: (p, _a, { m }) => m.itemHtmlUrl(p) },
      author: { type: "Actor", resolve: (p, _a, { m }) => author(m, p.author) },
      createdAt: { type: "DateTime", resolve: (p) => p.createdAt },
      updatedAt: { type: "DateTime", resolve: (p) => p.updatedAt }
    }
  },
  PullRequest: {
    fields: {
      id: { type: "ID", resolve: (p) => p.nodeId },
      ...databaseIds((p) => p.id),
      number: { type: "Int", resolve: (p) => p.number },
      title: { type: "String", resolve: (p) => p.title },
      body: { type: "String", resolve: (p) => p.body ?? "" },
      state: {
        type: "PullRequestState",
        resolve: (p) => p.merged ? "MERGED" : p.state.toUpperCase()
      },
      isDraft: { type: "Boolean", resolve: (p) => p.draft },
      url: { type: "URI", resolve: (p, _a, { m }) => m.itemHtmlUrl(p) },
      headRefName: { type: "String", resolve: (p) => p.headRef },
      headRefOid: {
        type: "GitObjectID",
        resolve: async (p, _a, { m }) => {
          await m.refreshPull(p);
          return p.headSha;
        }
      },
      baseRefName: { type: "String", resolve: (p) => p.baseRef },
      author: { type: "Actor", resolve: (p, _a, { m }) => author(m, p.author) },
      createdAt: { type: "DateTime", resolve: (p) => p.createdAt },
      updatedAt: { type: "DateTime", resolve: (p) => p.updatedAt },
      closingIssuesReferences: {
        type: "IssueConnection",
        args: { first: "Int", after: "String", last: "Int", before: "String", userLinkedOnly: "Boolean" },
        resolve: (p, a, { m }) => {
          const pr = p;
          const items = pr.closingIssues.map((n) => m.state.issues.find((i) => i.repo === pr.repo && i.number === n)).filter((i) => i !== void 0);
          return connection(items, a, "closingIssuesReferences");
        }
      },
      reviews: {
        type: "PullRequestReviewConnection",
        args: {
          first: "Int",
          after: "String",
          last: "Int",
          before: "String",
          states: "[PullRequestReviewState!]",
          author: "String"
        },
        resolve: (p, a, { m }) => {
          const pr = p;
          let items = m.state.reviews.filter((r) => r.repo === pr.repo && r.pullNumber === pr.number);
          if (Array.isArray(a.states)) items = items.filter((r) => a.states.includes(r.state));
          if (typeof a.author === "string") items = items.filter((r) => r.author === a.author);
          return connection(items, a, "reviews");
        }
      },
      reviewThreads: {
        type: "PullRequestReviewThreadConnection",
        args: { first: "Int", after: "String", last: "Int", before: "String" },
        resolve: (p, a, { m }) => {
          const pr = p;
          return connection(
            m.state.reviewThreads.filter((t) => t.repo === pr.repo && t.pullNumber === pr.number),
            a,
            "reviewThreads"
          );
        }
      },
      comments: {
        type: "IssueCommentConnection",
        args: { first: "Int", after: "String", last: "Int", before: "String" },
        resolve: (p, a, { m }) => {
          const pr = p;
          return connection(
            m.state.comments.filter((c) => c.repo === pr.repo && c.issueNumber === pr.number).sort((x, y) => x.id - y.id),
            a,
            "comments"
          );
        }
      }
    }
  },
  IssueComment: {
    fields: {
      id: { type: "ID", resolve: (p) => p.nodeId },
      ...databaseIds((p) => p.id),
      body: { type: "String", resolve: (p) => p.body },
      author: { type: "Actor", resolve: (p, _a, { m }) => author(m, p.author) },
      createdAt: { type: "DateTime", resolve: (p) => p.createdAt },
      lastEditedAt: {
        type: "DateTime",
        resolve: (p) => p.updatedAt !== p.createdAt ? p.updatedAt : null
      }
    }
  },
  PullRequestReview: {
    fields: {
      id: { type: "ID", resolve: (p) => p.nodeId },
      ...databaseIds((p) => p.id),
      body: { type: "String", resolve: (p) => p.body },
      state: { type: "PullRequestReviewState", resolve: (p) => p.state },
      author: { type: "Actor", resolve: (p, _a, { m }) => author(m, p.author) },
      submittedAt: { type: "DateTime", resolve: (p) => p.submittedAt },
      createdAt: { type: "DateTime", resolve: (p) => p.submittedAt },
      lastEditedAt: { type: "DateTime", resolve: (p) => p.lastEditedAt },
      url: {
        type: "URI",
        resolve: (p, _a, { m }) => {
          const r = p;
          return `${m.urls.web}/${r.repo}/pull/${r.pullNumber}#pullrequestreview-${r.id}`;
        }
      }
    }
  },
  PullRequestReviewThread: {
    fields: {
      id: { type: "ID", resolve: (p) => p.id },
      isResolved: { type: "Boolean", resolve: (p) => p.isResolved },
      isOutdated: { type: "Boolean", resolve: () => false },
      path: { type: "String", resolve: (p) => p.path },
      line: { type: "Int", resolve: (p) => p.line },
      resolvedBy: {
        type: "User",
        resolve: (p, _a, { m }) => {
          const by = p.resolvedBy;
          return by ? m.user(by) : null;
        }
      },
      comments: {
        type: "PullRequestReviewCommentConnection",
        args: { first: "Int", after: "String", last: "Int", before: "String", skip: "Int" },
        resolve: (p, a) => connection(p.comments, a, "comments")
      }
    }
  },
  PullRequestReviewComment: {
    fields: {
      id: { type: "ID", resolve: (p) => p.nodeId },
      ...databaseIds((p) => p.id),
      body: { type: "String", resolve: (p) => p.body },
      path: { type: "String", resolve: (p) => p.path },
      line: { type: "Int", resolve: (p) => p.line },
      author: { type: "Actor", resolve: (p, _a, { m }) => author(m, p.author) },
      createdAt: { type: "DateTime", resolve: (p) => p.createdAt },
      updatedAt: { type: "DateTime", resolve: (p) => p.updatedAt },
      lastEditedAt: { type: "DateTime", resolve: (p) => p.lastEditedAt },
      url: {
        type: "URI",
        resolve: (p, _a, { m }) => {
          const c = p;
          const t = m.state.reviewThreads.find((x) => x.id === c.threadId);
          return `${m.urls.web}/${t?.repo ?? ""}/pull/${t?.pullNumber ?? 0}#discussion_r${c.id}`;
        }
      }
    }
  },
  PageInfo: {
    fields: Object.fromEntries(
      ["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"].map((k) => [
        k,
        {
          type: k.startsWith("has") ? "Boolean" : "String",
          resolve: (p) => p[k]
        }
      ])
    )
  },
  ...connectionTypes("Issue", "Issue"),
  ...connectionTypes("PullRequestReview", "PullRequestReview"),
  ...connectionTypes("PullRequestReviewThread", "PullRequestReviewThread"),
  ...connectionTypes("PullRequestReviewComment", "PullRequestReviewComment"),
  ...connectionTypes("IssueComment", "IssueComment")
};
var IMPLEMENTS = {
  Actor: ["User", "Bot"],
  Node: [
    "Issue",
    "PullRequest",
    "IssueComment",
    "PullRequestReview",
    "PullRequestReviewThread",
    "PullRequestReviewComment",
    "User",
    "Bot",
    "Repository"
  ]
};
function baseType(t) {
  const list = t.startsWith("[");
  return { name: t.replace(/[[\]!]/g, ""), list };
}
function typeMatches(declared, runtimeType) {
  return declared === runtimeType || (IMPLEMENTS[declared]?.includes(runtimeType) ?? false);
}
var Executor = class {
  errors = [];
  doc;
  variables;
  ctx;
  constructor(doc2, variables, ctx) {
    this.doc = doc2;
    this.variables = variables;
    this.ctx = ctx;
  }
  /** Static checks: every field exists on its type, arguments are known, required ones are given. */
  validate(typeName, selections, path6) {
    const type = SCHEMA[typeName];
    for (const sel of selections) {
      if (sel.kind === "spread") {
        const frag = this.doc.fragments.get(sel.name);
        if (!frag) {
          this.errors.push({ message: `Fragment ${sel.name} was used, but not defined` });
          continue;
        }
        this.validate(frag.typeCondition, frag.selections, path6);
        continue;
      }
      if (sel.kind === "inline") {
        const cond = sel.typeCondition ?? typeName;
        if (!SCHEMA[cond]) this.errors.push({ message: `No such type ${cond}, so it can't be a fragment condition` });
        else this.validate(cond, sel.selections, path6);
        continue;
      }
      const here = [...path6, sel.alias ?? sel.name];
      if (sel.name === "__typename") continue;
      if (sel.name.startsWith("__")) {
        this.errors.push({ message: `Introspection (${sel.name}) is not supported by the fake GitHub`, path: here });
        continue;
      }
      const def = type?.fields[sel.name];
      if (!def) {
        this.errors.push({
          message: `Field '${sel.name}' doesn't exist on type '${typeName}'`,
          path: here,
          locations: [{ line: sel.line, column: sel.column }],
          extensions: { code: "undefinedField", typeName, fieldName: sel.name }
        });
        continue;
      }
      for (const arg of Object.keys(sel.args)) {
        if (!def.args?.[arg]) {
          this.errors.push({
            message: `Field '${sel.name}' doesn't accept argument '${arg}'`,
            path: here,
            extensions: { code: "argumentNotAccepted", name: sel.name, typeName: "Field", argumentName: arg }
          });
        }
      }
      for (const [arg, argType] of Object.entries(def.args ?? {})) {
        if (argType.endsWith("!") && sel.args[arg] === void 0) {
          this.errors.push({
            message: `Field '${sel.name}' is missing required arguments: ${arg}`,
            path: here,
            extensions: { code: "missingRequiredArguments", className: "Field", name: sel.name, arguments: arg }
          });
        }
      }
      const { name } = baseType(def.type);
      const isScalar = SCALARS.has(name);
      if (isScalar && sel.selections) {
        this.errors.push({
          message: `Selections can't be made on scalars (field '${sel.name}' returns ${name})`,
          path: here
        });
      } else if (!isScalar && !sel.selections) {
        this.errors.push({
          message: `Field must have selections (field '${sel.name}' returns ${name} but has no selections.)`,
          path: here
        });
      } else if (!isScalar && sel.selections) {
        this.validate(name, sel.selections, here);
      }
    }
  }
  value(v) {
    switch (v.kind) {
      case "var":
        return this.variables[v.name];
      case "int":
      case "float":
      case "string":
      case "boolean":
      case "enum":
        return v.value;
      case "null":
        return null;
      case "list":
        return v.values.map((x) => this.value(x));
      case "object":
        return Object.fromEntries(Object.entries(v.fields).map(([k, x]) => [k, this.value(x)]));
    }
  }
  /** Resolves the selections on a value of a concrete object type. */
  async select(typeName, parent, selections, path6) {
    const type = SCHEMA[typeName];
    const out = {};
    for (const sel of selections) {
      if (sel.kind === "spread" || sel.kind === "inline") {
        const frag = sel.kind === "spread" ? this.doc.fragments.get(sel.name) : sel;
        if (!frag) continue;
        const cond = frag.typeCondition ?? typeName;
        if (typeMatches(cond, typeName)) Object.assign(out, await this.select(typeName, parent, frag.selections, path6));
        continue;
      }
      const key = sel.alias ?? sel.name;
      if (sel.name === "__typename") {
        out[key] = typeName;
        continue;
      }
      const def = type?.fields[sel.name];
      if (!def) continue;
      const args = Object.fromEntries(Object.entries(sel.args).map(([k, v]) => [k, this.value(v)]));
      try {
        const raw = await def.resolve(parent, args, this.ctx);
        out[key] = await this.complete(def.type, raw, sel, [...path6, key]);
      } catch (err) {
        if (!(err instanceof FieldError)) throw err;
        out[key] = null;
        this.errors.push({
          message: err.message,
          path: [...path6, key],
          locations: [{ line: sel.line, column: sel.column }],
          ...err.type ? { type: err.type } : {}
        });
      }
    }
    return out;
  }
  async complete(declared, raw, sel, path6) {
    if (raw === null || raw === void 0) return null;
    const { name, list } = baseType(declared);
    if (list) {
      if (!Array.isArray(raw)) return null;
      const items = [];
      for (let i = 0; i < raw.length; i++) items.push(await this.complete(name, raw[i], sel, [...path6, i]));
      return items;
    }
    if (SCALARS.has(name)) return raw;
    const iface = SCHEMA[name]?.resolveType;
    if (iface) {
      const concrete = iface(raw);
      return this.select(concrete.type, concrete.value, sel.selections ?? [], path6);
    }
    return this.select(name, raw, sel.selections ?? [], path6);
  }
};
function checkVariables(op, variables) {
  const errors = [];
  const scalarOk = (type, v) => {
    switch (type) {
      case "Int":
        return Number.isInteger(v);
      case "Float":
        return typeof v === "number";
      case "Boolean":
        return typeof v === "boolean";
      case "String":
      case "ID":
      case "URI":
      case "DateTime":
      case "GitObjectID":
        return typeof v === "string" || type === "ID" && Number.isInteger(v);
      default:
        return true;
    }
  };
  for (const def of op.variables) {
    const v = variables[def.name];
    if (v === void 0 || v === null) {
      if (def.type.nonNull && !def.defaultValue) {
        errors.push({
          message: `Variable $${def.name} of type ${def.type.name}${def.type.list ? "" : ""}! was provided invalid value`,
          extensions: { value: v ?? null, problems: [{ path: [], explanation: "Expected value to not be null" }] }
        });
      }
      continue;
    }
    const values = def.type.list ? Array.isArray(v) ? v : [v] : [v];
    if (values.some((x) => !scalarOk(def.type.name, x))) {
      errors.push({
        message: `Variable $${def.name} of type ${def.type.name}${def.type.nonNull ? "!" : ""} was provided invalid value`,
        extensions: {
          value: v,
          problems: [{ path: [], explanation: `Could not coerce value ${JSON.stringify(v)} to ${def.type.name}` }]
        }
      });
    }
  }
  return errors;
}
function usedVariables(sels, doc2, out = /* @__PURE__ */ new Set()) {
  const walkValue = (v) => {
    if (v.kind === "var") out.add(v.name);
    else if (v.kind === "list") v.values.forEach(walkValue);
    else if (v.kind === "object") Object.values(v.fields).forEach(walkValue);
  };
  for (const s of sels) {
    if (s.kind === "field") {
      Object.values(s.args).forEach(walkValue);
      if (s.selections) usedVariables(s.selections, doc2, out);
    } else if (s.kind === "inline") usedVariables(s.selections, doc2, out);
    else {
      const f = doc2.fragments.get(s.name);
      if (f) usedVariables(f.selections, doc2, out);
    }
  }
  return out;
}
async function executeGraphql(m, request) {
  const req = request && typeof request === "object" ? request : {};
  const bad = (message, status = 200) => ({
    status,
    body: { errors: [{ message }] },
    operation: null,
    invalid: true
  });
  if (typeof req.query !== "string") return bad("A query attribute must be specified and must be a string.", 400);
  if (req.variables !== void 0 && req.variables !== null && (typeof req.variables !== "object" || Array.isArray(req.variables))) {
    return bad("Variables must be an object.", 400);
  }
  const variables = req.variables ?? {};
  let doc2;
  try {
    doc2 = parseGraphql(req.query);
  } catch (err) {
    if (err instanceof GraphqlSyntaxError) return bad(`Parse error: ${err.message}`);
    throw err;
  }
  const ops = typeof req.operationName === "string" ? doc2.operations.filter((o) => o.name === req.operationName) : doc2.operations;
  if (ops.length !== 1)
    return bad(
      ops.length === 0 ? "No operation named in the document." : "An operation name is required when the document has several operations."
    );
  const op = ops[0];
  if (op.type === "subscription") return bad("Subscriptions are not supported by the fake GitHub.");
  const rootType = op.type === "mutation" ? "Mutation" : "Query";
  const operation = op.selections.filter((s) => s.kind === "field").map((s) => s.name).join(",");
  const ex = new Executor(doc2, variables, { m });
  ex.validate(rootType, op.selections, [op.type]);
  const declared = new Set(op.variables.map((v) => v.name));
  for (const used of usedVariables(op.selections, doc2)) {
    if (!declared.has(used))
      ex.errors.push({ message: `Variable $${used} is used by ${op.name ?? "anonymous query"} but not declared` });
  }
  ex.errors.push(...checkVariables(op, variables));
  if (ex.errors.length > 0) return { status: 200, body: { errors: ex.errors }, operation, invalid: true };
  const data = await ex.select(rootType, null, op.selections, []);
  return {
    status: 200,
    body: ex.errors.length > 0 ? { data, errors: ex.errors } : { data },
    operation,
    invalid: false
  };
}

// src/testing/fake-github/html.ts
function esc(s) {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c
  );
}
function page(title, body) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:14px system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em}pre{background:#f6f8fa;padding:1em;overflow:auto}
.meta{color:#57606a}.comment{border:1px solid #d0d7de;border-radius:6px;margin:1em 0;padding:.5em 1em}.add{color:#1a7f37}.del{color:#cf222e}</style>
</head><body><p class="meta">fake GitHub (offline test double)</p>${body}</body></html>`;
}
function diffHtml(diff) {
  if (!diff) return '<p class="meta">No changes.</p>';
  const lines = diff.split("\n").map((l) => {
    const cls = l.startsWith("+") && !l.startsWith("+++") ? "add" : l.startsWith("-") && !l.startsWith("---") ? "del" : "";
    return cls ? `<span class="${cls}">${esc(l)}</span>` : esc(l);
  });
  return `<pre>${lines.join("\n")}</pre>`;
}
async function renderHtml(m, rawPath) {
  const notFound2 = { status: 404, html: page("Not Found", "<h1>404</h1><p>Not Found</p>") };
  let parts;
  try {
    parts = rawPath.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return notFound2;
  }
  const [owner, name, section, ...rest] = parts;
  if (!owner || !name) return notFound2;
  const r = m.findRepo(owner, name);
  if (!r) return notFound2;
  const comments = (n) => m.state.comments.filter((c) => c.repo === r.fullName && c.issueNumber === n).map(
    (c) => `<div class="comment" id="issuecomment-${c.id}"><p class="meta">${esc(c.author)} \xB7 ${esc(c.createdAt)}</p><pre>${esc(c.body)}</pre></div>`
  ).join("");
  if (!section) {
    const branches = await listBranches(r.dir);
    const files = await listFiles(r.dir, r.defaultBranch);
    return {
      status: 200,
      html: page(
        r.fullName,
        `<h1>${esc(r.fullName)}</h1><h2>Branches</h2><ul>${branches.map((b) => `<li><a href="/${r.fullName}/tree/${esc(b.name)}">${esc(b.name)}</a> ${b.sha.slice(0, 7)}</li>`).join(
          ""
        )}</ul><h2>Files on ${esc(r.defaultBranch)}</h2><ul>${files.map((f) => `<li>${esc(f)}</li>`).join("")}</ul>`
      )
    };
  }
  if ((section === "pull" || section === "issues") && rest[0] && /^\d+$/.test(rest[0])) {
    const it = m.findItem(r, Number(rest[0]));
    if (!it || it.deleted) return notFound2;
    let extra = "";
    if (it.kind === "pull") {
      await m.refreshPull(it);
      const base = await resolveRef(r.dir, `refs/heads/${it.baseRef}`) ?? it.baseRef;
      extra = `<p class="meta">${it.draft ? "Draft \xB7 " : ""}${esc(it.headRepo)}:${esc(it.headRef)} \u2192 ${esc(it.baseRef)}</p>${diffHtml(
        await diffText(r.dir, base, `refs/pull/${it.number}/head`)
      )}`;
    }
    return {
      status: 200,
      html: page(
        `${it.title} \xB7 #${it.number}`,
        `<h1>${esc(it.title)} <span class="meta">#${it.number}</span></h1><p class="meta">${esc(it.state)} \xB7 opened by ${esc(
          it.author
        )}</p><pre>${esc(it.body ?? "")}</pre>${extra}<h2>Comments</h2>${comments(it.number)}`
      )
    };
  }
  if (section === "tree" || section === "compare" || section === "commits") {
    const spec = rest.join("/");
    const [baseSpec, headSpec] = spec.includes("...") ? spec.split("...") : [r.defaultBranch, spec];
    const head = await resolveRef(r.dir, headSpec ?? "");
    if (!head) return notFound2;
    const base = await resolveRef(r.dir, baseSpec ?? r.defaultBranch) ?? head;
    const log = await gitLog(r.dir, head, 20);
    return {
      status: 200,
      html: page(
        `${r.fullName} ${spec}`,
        `<h1>${esc(r.fullName)}: ${esc(spec)}</h1><h2>Commits</h2><ul>${log.map((e) => `<li>${e.sha.slice(0, 7)} ${esc(e.subject)} <span class="meta">${esc(e.authorName)}</span></li>`).join(
          ""
        )}</ul><h2>Changes against ${esc(baseSpec ?? "")}</h2>${diffHtml(await diffText(r.dir, base, head))}`
      )
    };
  }
  return notFound2;
}

// src/testing/fake-github/openapi.ts
var import_ajv = __toESM(require_ajv(), 1);
var ajvFormats = __toESM(require_dist(), 1);

// src/testing/fake-github/openapi-subset.json
var openapi_subset_default = {
  openapi: "3.0.3",
  info: {
    title: "GitHub's official OpenAPI spec + Octokit extension",
    version: "23.0.2",
    "x-extracted-from": "@octokit/openapi@23.0.2",
    "x-note": "TEST DOUBLE data: the fake GitHub validates against this subset in tests and the offline demo; not used by the product. Regenerate with scripts/extract-openapi.mjs."
  },
  paths: {
    "/repos/{owner}/{repo}": {
      get: {
        summary: "Get a repository",
        tags: ["repos"],
        operationId: "repos/get",
        parameters: [{ $ref: "#/components/parameters/owner" }, { $ref: "#/components/parameters/repo" }],
        responses: {
          "200": {
            content: { "application/json": { schema: { $ref: "#/components/schemas/full-repository" } } }
          },
          "301": { $ref: "#/components/responses/moved_permanently" },
          "403": { $ref: "#/components/responses/forbidden" },
          "404": { $ref: "#/components/responses/not_found" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/issues": {
      get: {
        summary: "List repository issues",
        tags: ["issues"],
        operationId: "issues/list-for-repo",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { name: "milestone", in: "query", required: false, schema: { type: "string" } },
          {
            name: "state",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["open", "closed", "all"], default: "open" }
          },
          { name: "assignee", in: "query", required: false, schema: { type: "string" } },
          { name: "type", in: "query", required: false, schema: { type: "string" } },
          { name: "creator", in: "query", required: false, schema: { type: "string" } },
          { name: "mentioned", in: "query", required: false, schema: { type: "string" } },
          { name: "issue_field_values", in: "query", required: false, schema: { type: "string" } },
          { $ref: "#/components/parameters/labels" },
          {
            name: "sort",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["created", "updated", "comments"], default: "created" }
          },
          { $ref: "#/components/parameters/direction" },
          { $ref: "#/components/parameters/since" },
          { $ref: "#/components/parameters/per-page" },
          { $ref: "#/components/parameters/page" }
        ],
        responses: {
          "200": {
            content: {
              "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/issue" } } }
            },
            headers: { Link: { $ref: "#/components/headers/link" } }
          },
          "301": { $ref: "#/components/responses/moved_permanently" },
          "404": { $ref: "#/components/responses/not_found" },
          "422": { $ref: "#/components/responses/validation_failed" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/issues/{issue_number}": {
      get: {
        summary: "Get an issue",
        tags: ["issues"],
        operationId: "issues/get",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/issue-number" }
        ],
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/issue" } } } },
          "301": { $ref: "#/components/responses/moved_permanently" },
          "304": { $ref: "#/components/responses/not_modified" },
          "404": { $ref: "#/components/responses/not_found" },
          "410": { $ref: "#/components/responses/gone" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/issues/{issue_number}/comments": {
      get: {
        summary: "List issue comments",
        tags: ["issues"],
        operationId: "issues/list-comments",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/issue-number" },
          { $ref: "#/components/parameters/since" },
          { $ref: "#/components/parameters/per-page" },
          { $ref: "#/components/parameters/page" }
        ],
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: { type: "array", items: { $ref: "#/components/schemas/issue-comment" } }
              }
            },
            headers: { Link: { $ref: "#/components/headers/link" } }
          },
          "404": { $ref: "#/components/responses/not_found" },
          "410": { $ref: "#/components/responses/gone" }
        },
        "x-octokit": {}
      },
      post: {
        summary: "Create an issue comment",
        tags: ["issues"],
        operationId: "issues/create-comment",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/issue-number" }
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: { type: "object", properties: { body: { type: "string" } }, required: ["body"] }
            }
          }
        },
        responses: {
          "201": {
            content: { "application/json": { schema: { $ref: "#/components/schemas/issue-comment" } } },
            headers: { Location: { schema: { type: "string" } } }
          },
          "403": { $ref: "#/components/responses/forbidden" },
          "404": { $ref: "#/components/responses/not_found" },
          "410": { $ref: "#/components/responses/gone" },
          "422": { $ref: "#/components/responses/validation_failed" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/issues/{issue_number}/reactions": {
      post: {
        summary: "Create reaction for an issue",
        tags: ["reactions"],
        operationId: "reactions/create-for-issue",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/issue-number" }
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  content: {
                    type: "string",
                    enum: ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"]
                  }
                },
                required: ["content"]
              }
            }
          }
        },
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/reaction" } } } },
          "201": { content: { "application/json": { schema: { $ref: "#/components/schemas/reaction" } } } },
          "422": { $ref: "#/components/responses/validation_failed" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/issues/comments/{comment_id}": {
      get: {
        summary: "Get an issue comment",
        tags: ["issues"],
        operationId: "issues/get-comment",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/comment-id" }
        ],
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/issue-comment" } } } },
          "404": { $ref: "#/components/responses/not_found" }
        },
        "x-octokit": {}
      },
      patch: {
        summary: "Update an issue comment",
        tags: ["issues"],
        operationId: "issues/update-comment",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/comment-id" }
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: { type: "object", properties: { body: { type: "string" } }, required: ["body"] }
            }
          }
        },
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/issue-comment" } } } },
          "422": { $ref: "#/components/responses/validation_failed" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions": {
      post: {
        summary: "Create reaction for an issue comment",
        tags: ["reactions"],
        operationId: "reactions/create-for-issue-comment",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/comment-id" }
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  content: {
                    type: "string",
                    enum: ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"]
                  }
                },
                required: ["content"]
              }
            }
          }
        },
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/reaction" } } } },
          "201": { content: { "application/json": { schema: { $ref: "#/components/schemas/reaction" } } } },
          "422": { $ref: "#/components/responses/validation_failed" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/pulls": {
      get: {
        summary: "List pull requests",
        tags: ["pulls"],
        operationId: "pulls/list",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          {
            name: "state",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["open", "closed", "all"], default: "open" }
          },
          { name: "head", in: "query", required: false, schema: { type: "string" } },
          { name: "base", in: "query", required: false, schema: { type: "string" } },
          {
            name: "sort",
            in: "query",
            required: false,
            schema: {
              type: "string",
              enum: ["created", "updated", "popularity", "long-running"],
              default: "created"
            }
          },
          {
            name: "direction",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["asc", "desc"] }
          },
          { $ref: "#/components/parameters/per-page" },
          { $ref: "#/components/parameters/page" }
        ],
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: { type: "array", items: { $ref: "#/components/schemas/pull-request-simple" } }
              }
            },
            headers: { Link: { $ref: "#/components/headers/link" } }
          },
          "304": { $ref: "#/components/responses/not_modified" },
          "422": { $ref: "#/components/responses/validation_failed" }
        },
        "x-octokit": {}
      },
      post: {
        summary: "Create a pull request",
        tags: ["pulls"],
        operationId: "pulls/create",
        parameters: [{ $ref: "#/components/parameters/owner" }, { $ref: "#/components/parameters/repo" }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  title: { type: "string" },
                  head: { type: "string" },
                  head_repo: { type: "string", format: "repo.nwo" },
                  base: { type: "string" },
                  body: { type: "string" },
                  maintainer_can_modify: { type: "boolean" },
                  draft: { type: "boolean" },
                  issue: { type: "integer", format: "int64" }
                },
                required: ["head", "base"]
              }
            }
          }
        },
        responses: {
          "201": {
            content: { "application/json": { schema: { $ref: "#/components/schemas/pull-request" } } },
            headers: { Location: { schema: { type: "string" } } }
          },
          "403": { $ref: "#/components/responses/forbidden" },
          "422": { $ref: "#/components/responses/validation_failed" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/pulls/{pull_number}": {
      get: {
        summary: "Get a pull request",
        tags: ["pulls"],
        operationId: "pulls/get",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/pull-number" }
        ],
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/pull-request" } } } },
          "304": { $ref: "#/components/responses/not_modified" },
          "404": { $ref: "#/components/responses/not_found" },
          "406": { $ref: "#/components/responses/unacceptable" },
          "500": { $ref: "#/components/responses/internal_error" },
          "503": { $ref: "#/components/responses/service_unavailable" }
        },
        "x-octokit": {}
      },
      patch: {
        summary: "Update a pull request",
        tags: ["pulls"],
        operationId: "pulls/update",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/pull-number" }
        ],
        requestBody: {
          required: false,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  title: { type: "string" },
                  body: { type: "string" },
                  state: { type: "string", enum: ["open", "closed"] },
                  base: { type: "string" },
                  maintainer_can_modify: { type: "boolean" }
                }
              }
            }
          }
        },
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/pull-request" } } } },
          "403": { $ref: "#/components/responses/forbidden" },
          "422": { $ref: "#/components/responses/validation_failed" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers": {
      post: {
        summary: "Request reviewers for a pull request",
        tags: ["pulls"],
        operationId: "pulls/request-reviewers",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/pull-number" }
        ],
        requestBody: {
          required: false,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  reviewers: { type: "array", items: { type: "string" } },
                  team_reviewers: { type: "array", items: { type: "string" } }
                }
              }
            }
          }
        },
        responses: {
          "201": {
            content: { "application/json": { schema: { $ref: "#/components/schemas/pull-request-simple" } } }
          },
          "403": { $ref: "#/components/responses/forbidden" },
          "422": {}
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/pulls/{pull_number}/files": {
      get: {
        summary: "List pull requests files",
        tags: ["pulls"],
        operationId: "pulls/list-files",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/pull-number" },
          { $ref: "#/components/parameters/per-page" },
          { $ref: "#/components/parameters/page" }
        ],
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: { type: "array", items: { $ref: "#/components/schemas/diff-entry" } }
              }
            },
            headers: { Link: { $ref: "#/components/headers/link" } }
          },
          "422": { $ref: "#/components/responses/validation_failed" },
          "500": { $ref: "#/components/responses/internal_error" },
          "503": { $ref: "#/components/responses/service_unavailable" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/pulls/{pull_number}/reviews": {
      get: {
        summary: "List reviews for a pull request",
        tags: ["pulls"],
        operationId: "pulls/list-reviews",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/pull-number" },
          { $ref: "#/components/parameters/per-page" },
          { $ref: "#/components/parameters/page" }
        ],
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: { type: "array", items: { $ref: "#/components/schemas/pull-request-review" } }
              }
            },
            headers: { Link: { $ref: "#/components/headers/link" } }
          }
        },
        "x-octokit": {}
      },
      post: {
        summary: "Create a review for a pull request",
        tags: ["pulls"],
        operationId: "pulls/create-review",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/pull-number" }
        ],
        requestBody: {
          required: false,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  commit_id: { type: "string" },
                  body: { type: "string" },
                  event: { type: "string", enum: ["APPROVE", "REQUEST_CHANGES", "COMMENT"] },
                  comments: {
                    type: "array",
                    items: {
                      type: "object",
                      properties: {
                        path: { type: "string" },
                        position: { type: "integer" },
                        body: { type: "string" },
                        line: { type: "integer" },
                        side: { type: "string" },
                        start_line: { type: "integer" },
                        start_side: { type: "string" }
                      },
                      required: ["path", "body"]
                    }
                  }
                }
              }
            }
          }
        },
        responses: {
          "200": {
            content: { "application/json": { schema: { $ref: "#/components/schemas/pull-request-review" } } }
          },
          "403": { $ref: "#/components/responses/forbidden" },
          "422": { $ref: "#/components/responses/validation_failed_simple" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/pulls/{pull_number}/comments": {
      get: {
        summary: "List review comments on a pull request",
        tags: ["pulls"],
        operationId: "pulls/list-review-comments",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/pull-number" },
          { $ref: "#/components/parameters/sort" },
          {
            name: "direction",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["asc", "desc"] }
          },
          { $ref: "#/components/parameters/since" },
          { $ref: "#/components/parameters/per-page" },
          { $ref: "#/components/parameters/page" }
        ],
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: { type: "array", items: { $ref: "#/components/schemas/pull-request-review-comment" } }
              }
            },
            headers: { Link: { $ref: "#/components/headers/link" } }
          }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/pulls/comments/{comment_id}": {
      get: {
        summary: "Get a review comment for a pull request",
        tags: ["pulls"],
        operationId: "pulls/get-review-comment",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/comment-id" }
        ],
        responses: {
          "200": {
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/pull-request-review-comment" } }
            }
          },
          "404": { $ref: "#/components/responses/not_found" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions": {
      post: {
        summary: "Create reaction for a pull request review comment",
        tags: ["reactions"],
        operationId: "reactions/create-for-pull-request-review-comment",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/comment-id" }
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  content: {
                    type: "string",
                    enum: ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"]
                  }
                },
                required: ["content"]
              }
            }
          }
        },
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/reaction" } } } },
          "201": { content: { "application/json": { schema: { $ref: "#/components/schemas/reaction" } } } },
          "422": { $ref: "#/components/responses/validation_failed" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/branches/{branch}": {
      get: {
        summary: "Get a branch",
        tags: ["repos"],
        operationId: "repos/get-branch",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/branch" }
        ],
        responses: {
          "200": {
            content: { "application/json": { schema: { $ref: "#/components/schemas/branch-with-protection" } } }
          },
          "301": { $ref: "#/components/responses/moved_permanently" },
          "404": { $ref: "#/components/responses/not_found" }
        },
        "x-octokit": {}
      }
    },
    "/repos/{owner}/{repo}/collaborators/{username}/permission": {
      get: {
        summary: "Get repository permissions for a user",
        tags: ["repos"],
        operationId: "repos/get-collaborator-permission-level",
        parameters: [
          { $ref: "#/components/parameters/owner" },
          { $ref: "#/components/parameters/repo" },
          { $ref: "#/components/parameters/username" }
        ],
        responses: {
          "200": {
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/repository-collaborator-permission" } }
            }
          },
          "404": { $ref: "#/components/responses/not_found" }
        },
        "x-octokit": {}
      }
    },
    "/user": {
      get: {
        summary: "Get the authenticated user",
        tags: ["users"],
        operationId: "users/get-authenticated",
        parameters: [],
        responses: {
          "200": {
            content: {
              "application/json": {
                schema: {
                  oneOf: [
                    { $ref: "#/components/schemas/private-user" },
                    { $ref: "#/components/schemas/public-user" }
                  ],
                  discriminator: {
                    propertyName: "user_view_type",
                    mapping: {
                      public: "#/components/schemas/public-user",
                      private: "#/components/schemas/private-user"
                    }
                  }
                }
              }
            }
          },
          "304": { $ref: "#/components/responses/not_modified" },
          "401": { $ref: "#/components/responses/requires_authentication" },
          "403": { $ref: "#/components/responses/forbidden" }
        },
        "x-octokit": {}
      }
    }
  },
  components: {
    responses: {
      forbidden: { content: { "application/json": { schema: { $ref: "#/components/schemas/basic-error" } } } },
      gone: { content: { "application/json": { schema: { $ref: "#/components/schemas/basic-error" } } } },
      internal_error: {
        content: { "application/json": { schema: { $ref: "#/components/schemas/basic-error" } } }
      },
      moved_permanently: {
        content: { "application/json": { schema: { $ref: "#/components/schemas/basic-error" } } }
      },
      not_found: { content: { "application/json": { schema: { $ref: "#/components/schemas/basic-error" } } } },
      not_modified: {},
      requires_authentication: {
        content: { "application/json": { schema: { $ref: "#/components/schemas/basic-error" } } }
      },
      service_unavailable: {
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                documentation_url: { type: "string" }
              }
            }
          }
        }
      },
      unacceptable: {
        content: { "application/json": { schema: { $ref: "#/components/schemas/basic-error" } } }
      },
      validation_failed: {
        content: { "application/json": { schema: { $ref: "#/components/schemas/validation-error" } } }
      },
      validation_failed_simple: {
        content: { "application/json": { schema: { $ref: "#/components/schemas/validation-error-simple" } } }
      }
    },
    schemas: {
      "author-association": {
        title: "author_association",
        type: "string",
        enum: [
          "COLLABORATOR",
          "CONTRIBUTOR",
          "FIRST_TIMER",
          "FIRST_TIME_CONTRIBUTOR",
          "MANNEQUIN",
          "MEMBER",
          "NONE",
          "OWNER"
        ]
      },
      "auto-merge": {
        title: "Auto merge",
        type: "object",
        properties: {
          enabled_by: { $ref: "#/components/schemas/simple-user" },
          merge_method: { type: "string", enum: ["merge", "squash", "rebase"] },
          commit_title: { type: "string" },
          commit_message: { type: "string" }
        },
        required: ["enabled_by", "merge_method", "commit_title", "commit_message"],
        nullable: true
      },
      "basic-error": {
        title: "Basic Error",
        type: "object",
        properties: {
          message: { type: "string" },
          documentation_url: { type: "string" },
          url: { type: "string" },
          status: { type: "string" }
        }
      },
      "branch-protection": {
        title: "Branch Protection",
        type: "object",
        properties: {
          url: { type: "string" },
          enabled: { type: "boolean" },
          required_status_checks: { $ref: "#/components/schemas/protected-branch-required-status-check" },
          enforce_admins: { $ref: "#/components/schemas/protected-branch-admin-enforced" },
          required_pull_request_reviews: { $ref: "#/components/schemas/protected-branch-pull-request-review" },
          restrictions: { $ref: "#/components/schemas/branch-restriction-policy" },
          required_linear_history: { type: "object", properties: { enabled: { type: "boolean" } } },
          allow_force_pushes: { type: "object", properties: { enabled: { type: "boolean" } } },
          allow_deletions: { type: "object", properties: { enabled: { type: "boolean" } } },
          block_creations: { type: "object", properties: { enabled: { type: "boolean" } } },
          required_conversation_resolution: { type: "object", properties: { enabled: { type: "boolean" } } },
          name: { type: "string" },
          protection_url: { type: "string" },
          required_signatures: {
            type: "object",
            properties: { url: { type: "string", format: "uri" }, enabled: { type: "boolean" } },
            required: ["url", "enabled"]
          },
          lock_branch: { type: "object", properties: { enabled: { default: false, type: "boolean" } } },
          allow_fork_syncing: {
            type: "object",
            properties: { enabled: { default: false, type: "boolean" } }
          }
        }
      },
      "branch-restriction-policy": {
        title: "Branch Restriction Policy",
        type: "object",
        properties: {
          url: { type: "string", format: "uri" },
          users_url: { type: "string", format: "uri" },
          teams_url: { type: "string", format: "uri" },
          apps_url: { type: "string", format: "uri" },
          users: {
            type: "array",
            items: {
              type: "object",
              properties: {
                login: { type: "string" },
                id: { type: "integer", format: "int64" },
                node_id: { type: "string" },
                avatar_url: { type: "string" },
                gravatar_id: { type: "string" },
                url: { type: "string" },
                html_url: { type: "string" },
                followers_url: { type: "string" },
                following_url: { type: "string" },
                gists_url: { type: "string" },
                starred_url: { type: "string" },
                subscriptions_url: { type: "string" },
                organizations_url: { type: "string" },
                repos_url: { type: "string" },
                events_url: { type: "string" },
                received_events_url: { type: "string" },
                type: { type: "string" },
                site_admin: { type: "boolean" },
                user_view_type: { type: "string" }
              }
            }
          },
          teams: { type: "array", items: { $ref: "#/components/schemas/team" } },
          apps: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "integer" },
                slug: { type: "string" },
                node_id: { type: "string" },
                owner: {
                  type: "object",
                  properties: {
                    login: { type: "string" },
                    id: { type: "integer" },
                    node_id: { type: "string" },
                    url: { type: "string" },
                    repos_url: { type: "string" },
                    events_url: { type: "string" },
                    hooks_url: { type: "string" },
                    issues_url: { type: "string" },
                    members_url: { type: "string" },
                    public_members_url: { type: "string" },
                    avatar_url: { type: "string" },
                    description: { type: "string" },
                    gravatar_id: { type: "string" },
                    html_url: { type: "string" },
                    followers_url: { type: "string" },
                    following_url: { type: "string" },
                    gists_url: { type: "string" },
                    starred_url: { type: "string" },
                    subscriptions_url: { type: "string" },
                    organizations_url: { type: "string" },
                    received_events_url: { type: "string" },
                    type: { type: "string" },
                    site_admin: { type: "boolean" },
                    user_view_type: { type: "string" }
                  }
                },
                name: { type: "string" },
                client_id: { type: "string" },
                description: { type: "string" },
                external_url: { type: "string" },
                html_url: { type: "string" },
                created_at: { type: "string" },
                updated_at: { type: "string" },
                permissions: {
                  type: "object",
                  properties: {
                    metadata: { type: "string" },
                    contents: { type: "string" },
                    issues: { type: "string" },
                    single_file: { type: "string" }
                  }
                },
                events: { type: "array", items: { type: "string" } }
              }
            }
          }
        },
        required: ["url", "users_url", "teams_url", "apps_url", "users", "teams", "apps"]
      },
      "branch-with-protection": {
        title: "Branch With Protection",
        type: "object",
        properties: {
          name: { type: "string" },
          commit: { $ref: "#/components/schemas/commit" },
          _links: {
            type: "object",
            properties: { html: { type: "string" }, self: { type: "string", format: "uri" } },
            required: ["html", "self"]
          },
          protected: { type: "boolean" },
          protection: { $ref: "#/components/schemas/branch-protection" },
          protection_url: { type: "string", format: "uri" },
          pattern: { type: "string" },
          required_approving_review_count: { type: "integer" }
        },
        required: ["name", "commit", "_links", "protection", "protected", "protection_url"]
      },
      "code-of-conduct-simple": {
        title: "Code Of Conduct Simple",
        type: "object",
        properties: {
          url: { type: "string", format: "uri" },
          key: { type: "string" },
          name: { type: "string" },
          html_url: { type: "string", nullable: true, format: "uri" }
        },
        required: ["url", "key", "name", "html_url"]
      },
      commit: {
        title: "Commit",
        type: "object",
        properties: {
          url: { type: "string", format: "uri" },
          sha: { type: "string" },
          node_id: { type: "string" },
          html_url: { type: "string", format: "uri" },
          comments_url: { type: "string", format: "uri" },
          commit: {
            type: "object",
            properties: {
              url: { type: "string", format: "uri" },
              author: { $ref: "#/components/schemas/nullable-git-user" },
              committer: { $ref: "#/components/schemas/nullable-git-user" },
              message: { type: "string" },
              comment_count: { type: "integer" },
              tree: {
                type: "object",
                properties: { sha: { type: "string" }, url: { type: "string", format: "uri" } },
                required: ["sha", "url"]
              },
              verification: { $ref: "#/components/schemas/verification" }
            },
            required: ["author", "committer", "comment_count", "message", "tree", "url"]
          },
          author: {
            anyOf: [
              {
                oneOf: [
                  { $ref: "#/components/schemas/simple-user" },
                  { $ref: "#/components/schemas/empty-object" }
                ]
              },
              { type: "null" }
            ]
          },
          committer: {
            anyOf: [
              {
                oneOf: [
                  { $ref: "#/components/schemas/simple-user" },
                  { $ref: "#/components/schemas/empty-object" }
                ]
              },
              { type: "null" }
            ]
          },
          parents: {
            type: "array",
            items: {
              type: "object",
              properties: {
                sha: { type: "string" },
                url: { type: "string", format: "uri" },
                html_url: { type: "string", format: "uri" }
              },
              required: ["sha", "url"]
            }
          },
          stats: {
            type: "object",
            properties: {
              additions: { type: "integer" },
              deletions: { type: "integer" },
              total: { type: "integer" }
            }
          },
          files: { type: "array", items: { $ref: "#/components/schemas/diff-entry" } }
        },
        required: ["url", "sha", "node_id", "html_url", "comments_url", "commit", "author", "committer", "parents"]
      },
      "diff-entry": {
        title: "Diff Entry",
        type: "object",
        properties: {
          sha: { type: "string", nullable: true },
          filename: { type: "string" },
          status: {
            type: "string",
            enum: ["added", "removed", "modified", "renamed", "copied", "changed", "unchanged"]
          },
          additions: { type: "integer" },
          deletions: { type: "integer" },
          changes: { type: "integer" },
          blob_url: { type: "string", format: "uri" },
          raw_url: { type: "string", format: "uri" },
          contents_url: { type: "string", format: "uri" },
          patch: { type: "string" },
          previous_filename: { type: "string" }
        },
        required: [
          "additions",
          "blob_url",
          "changes",
          "contents_url",
          "deletions",
          "filename",
          "raw_url",
          "sha",
          "status"
        ]
      },
      "empty-object": { title: "Empty Object", type: "object", properties: {}, additionalProperties: false },
      enterprise: {
        title: "Enterprise",
        type: "object",
        properties: {
          description: { type: "string", nullable: true },
          html_url: { type: "string", format: "uri" },
          website_url: { type: "string", nullable: true, format: "uri" },
          id: { type: "integer" },
          node_id: { type: "string" },
          name: { type: "string" },
          slug: { type: "string" },
          created_at: { type: "string", nullable: true, format: "date-time" },
          updated_at: { type: "string", nullable: true, format: "date-time" },
          avatar_url: { type: "string", format: "uri" }
        },
        required: ["id", "node_id", "name", "slug", "html_url", "created_at", "updated_at", "avatar_url"]
      },
      "full-repository": {
        title: "Full Repository",
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          name: { type: "string" },
          full_name: { type: "string" },
          owner: { $ref: "#/components/schemas/simple-user" },
          private: { type: "boolean" },
          html_url: { type: "string", format: "uri" },
          description: { type: "string", nullable: true },
          fork: { type: "boolean" },
          url: { type: "string", format: "uri" },
          archive_url: { type: "string" },
          assignees_url: { type: "string" },
          blobs_url: { type: "string" },
          branches_url: { type: "string" },
          collaborators_url: { type: "string" },
          comments_url: { type: "string" },
          commits_url: { type: "string" },
          compare_url: { type: "string" },
          contents_url: { type: "string" },
          contributors_url: { type: "string", format: "uri" },
          deployments_url: { type: "string", format: "uri" },
          downloads_url: { type: "string", format: "uri" },
          events_url: { type: "string", format: "uri" },
          forks_url: { type: "string", format: "uri" },
          git_commits_url: { type: "string" },
          git_refs_url: { type: "string" },
          git_tags_url: { type: "string" },
          git_url: { type: "string" },
          issue_comment_url: { type: "string" },
          issue_events_url: { type: "string" },
          issues_url: { type: "string" },
          keys_url: { type: "string" },
          labels_url: { type: "string" },
          languages_url: { type: "string", format: "uri" },
          merges_url: { type: "string", format: "uri" },
          milestones_url: { type: "string" },
          notifications_url: { type: "string" },
          pulls_url: { type: "string" },
          releases_url: { type: "string" },
          ssh_url: { type: "string" },
          stargazers_url: { type: "string", format: "uri" },
          statuses_url: { type: "string" },
          subscribers_url: { type: "string", format: "uri" },
          subscription_url: { type: "string", format: "uri" },
          tags_url: { type: "string", format: "uri" },
          teams_url: { type: "string", format: "uri" },
          trees_url: { type: "string" },
          clone_url: { type: "string" },
          mirror_url: { type: "string", format: "uri", nullable: true },
          hooks_url: { type: "string", format: "uri" },
          svn_url: { type: "string", format: "uri" },
          homepage: { type: "string", format: "uri", nullable: true },
          language: { type: "string", nullable: true },
          forks_count: { type: "integer" },
          stargazers_count: { type: "integer" },
          watchers_count: { type: "integer" },
          size: { type: "integer" },
          default_branch: { type: "string" },
          open_issues_count: { type: "integer" },
          is_template: { type: "boolean" },
          topics: { type: "array", items: { type: "string" } },
          has_issues: { type: "boolean" },
          has_projects: { type: "boolean" },
          has_wiki: { type: "boolean" },
          has_pages: { type: "boolean" },
          has_downloads: { type: "boolean" },
          has_discussions: { type: "boolean" },
          has_pull_requests: { type: "boolean" },
          pull_request_creation_policy: { type: "string", enum: ["all", "collaborators_only"] },
          archived: { type: "boolean" },
          disabled: { type: "boolean" },
          visibility: { type: "string" },
          pushed_at: { type: "string", format: "date-time" },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          permissions: {
            type: "object",
            properties: {
              admin: { type: "boolean" },
              maintain: { type: "boolean" },
              push: { type: "boolean" },
              triage: { type: "boolean" },
              pull: { type: "boolean" }
            },
            required: ["admin", "pull", "push"]
          },
          allow_rebase_merge: { type: "boolean" },
          template_repository: { $ref: "#/components/schemas/nullable-repository" },
          temp_clone_token: { type: "string", nullable: true },
          allow_squash_merge: { type: "boolean" },
          allow_auto_merge: { type: "boolean" },
          delete_branch_on_merge: { type: "boolean" },
          allow_merge_commit: { type: "boolean" },
          allow_update_branch: { type: "boolean" },
          use_squash_pr_title_as_default: { type: "boolean" },
          squash_merge_commit_title: { type: "string", enum: ["PR_TITLE", "COMMIT_OR_PR_TITLE"] },
          squash_merge_commit_message: { type: "string", enum: ["PR_BODY", "COMMIT_MESSAGES", "BLANK"] },
          merge_commit_title: { type: "string", enum: ["PR_TITLE", "MERGE_MESSAGE"] },
          merge_commit_message: { type: "string", enum: ["PR_BODY", "PR_TITLE", "BLANK"] },
          allow_forking: { type: "boolean" },
          web_commit_signoff_required: { type: "boolean" },
          subscribers_count: { type: "integer" },
          network_count: { type: "integer" },
          license: { $ref: "#/components/schemas/nullable-license-simple" },
          organization: { $ref: "#/components/schemas/nullable-simple-user" },
          parent: { $ref: "#/components/schemas/repository" },
          source: { $ref: "#/components/schemas/repository" },
          forks: { type: "integer" },
          master_branch: { type: "string" },
          open_issues: { type: "integer" },
          watchers: { type: "integer" },
          anonymous_access_enabled: { default: true, type: "boolean" },
          code_of_conduct: { $ref: "#/components/schemas/code-of-conduct-simple" },
          security_and_analysis: { $ref: "#/components/schemas/security-and-analysis" },
          custom_properties: { type: "object", additionalProperties: true }
        },
        required: [
          "archive_url",
          "assignees_url",
          "blobs_url",
          "branches_url",
          "collaborators_url",
          "comments_url",
          "commits_url",
          "compare_url",
          "contents_url",
          "contributors_url",
          "deployments_url",
          "description",
          "downloads_url",
          "events_url",
          "fork",
          "forks_url",
          "full_name",
          "git_commits_url",
          "git_refs_url",
          "git_tags_url",
          "hooks_url",
          "html_url",
          "id",
          "node_id",
          "issue_comment_url",
          "issue_events_url",
          "issues_url",
          "keys_url",
          "labels_url",
          "languages_url",
          "merges_url",
          "milestones_url",
          "name",
          "notifications_url",
          "owner",
          "private",
          "pulls_url",
          "releases_url",
          "stargazers_url",
          "statuses_url",
          "subscribers_url",
          "subscription_url",
          "tags_url",
          "teams_url",
          "trees_url",
          "url",
          "clone_url",
          "default_branch",
          "forks",
          "forks_count",
          "git_url",
          "has_issues",
          "has_projects",
          "has_wiki",
          "has_pages",
          "has_discussions",
          "homepage",
          "language",
          "archived",
          "disabled",
          "mirror_url",
          "open_issues",
          "open_issues_count",
          "license",
          "pushed_at",
          "size",
          "ssh_url",
          "stargazers_count",
          "svn_url",
          "watchers",
          "watchers_count",
          "created_at",
          "updated_at",
          "network_count",
          "subscribers_count"
        ],
        "x-github-breaking-changes": [
          {
            changeset: "remove_use_squash_pr_title_as_default",
            patch: { properties: { use_squash_pr_title_as_default: null } },
            version: "2026-03-10"
          },
          {
            changeset: "remove_has_downloads",
            patch: { properties: { has_downloads: null } },
            version: "2026-03-10"
          }
        ]
      },
      integration: {
        title: "GitHub app",
        type: "object",
        nullable: true,
        properties: {
          id: { type: "integer" },
          slug: { type: "string" },
          node_id: { type: "string" },
          client_id: { type: "string" },
          owner: {
            oneOf: [{ $ref: "#/components/schemas/simple-user" }, { $ref: "#/components/schemas/enterprise" }]
          },
          name: { type: "string" },
          description: { type: "string", nullable: true },
          external_url: { type: "string", format: "uri" },
          html_url: { type: "string", format: "uri" },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          permissions: {
            type: "object",
            properties: {
              issues: { type: "string" },
              checks: { type: "string" },
              metadata: { type: "string" },
              contents: { type: "string" },
              deployments: { type: "string" }
            },
            additionalProperties: { type: "string" }
          },
          events: { type: "array", items: { type: "string" } },
          installations_count: { type: "integer" }
        },
        required: [
          "id",
          "node_id",
          "owner",
          "name",
          "description",
          "external_url",
          "html_url",
          "created_at",
          "updated_at",
          "permissions",
          "events"
        ]
      },
      issue: {
        title: "Issue",
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          url: { type: "string", format: "uri" },
          repository_url: { type: "string", format: "uri" },
          labels_url: { type: "string" },
          comments_url: { type: "string", format: "uri" },
          events_url: { type: "string", format: "uri" },
          html_url: { type: "string", format: "uri" },
          number: { type: "integer" },
          state: { type: "string" },
          state_reason: {
            type: "string",
            nullable: true,
            enum: ["completed", "reopened", "not_planned", "duplicate", null]
          },
          title: { type: "string" },
          body: { type: "string", nullable: true },
          user: { $ref: "#/components/schemas/nullable-simple-user" },
          labels: {
            type: "array",
            items: {
              oneOf: [
                { type: "string" },
                {
                  type: "object",
                  properties: {
                    id: { type: "integer", format: "int64" },
                    node_id: { type: "string" },
                    url: { type: "string", format: "uri" },
                    name: { type: "string" },
                    description: { type: "string", nullable: true },
                    color: { type: "string", nullable: true },
                    default: { type: "boolean" }
                  }
                }
              ]
            }
          },
          assignee: { $ref: "#/components/schemas/nullable-simple-user" },
          assignees: { type: "array", items: { $ref: "#/components/schemas/simple-user" } },
          milestone: { $ref: "#/components/schemas/nullable-milestone" },
          locked: { type: "boolean" },
          active_lock_reason: { type: "string", nullable: true },
          comments: { type: "integer" },
          pull_request: {
            type: "object",
            properties: {
              merged_at: { type: "string", format: "date-time", nullable: true },
              diff_url: { type: "string", format: "uri", nullable: true },
              html_url: { type: "string", format: "uri", nullable: true },
              patch_url: { type: "string", format: "uri", nullable: true },
              url: { type: "string", format: "uri", nullable: true }
            },
            required: ["diff_url", "html_url", "patch_url", "url"]
          },
          closed_at: { type: "string", format: "date-time", nullable: true },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          draft: { type: "boolean" },
          closed_by: { $ref: "#/components/schemas/nullable-simple-user" },
          body_html: { type: "string" },
          body_text: { type: "string" },
          timeline_url: { type: "string", format: "uri" },
          type: { $ref: "#/components/schemas/issue-type" },
          repository: { $ref: "#/components/schemas/repository" },
          performed_via_github_app: { $ref: "#/components/schemas/nullable-integration" },
          author_association: { $ref: "#/components/schemas/author-association" },
          reactions: { $ref: "#/components/schemas/reaction-rollup" },
          sub_issues_summary: { $ref: "#/components/schemas/sub-issues-summary" },
          parent_issue_url: { type: "string", format: "uri", nullable: true },
          pinned_comment: { $ref: "#/components/schemas/nullable-issue-comment" },
          issue_dependencies_summary: { $ref: "#/components/schemas/issue-dependencies-summary" },
          issue_field_values: { type: "array", items: { $ref: "#/components/schemas/issue-field-value" } }
        },
        required: [
          "assignee",
          "closed_at",
          "comments",
          "comments_url",
          "events_url",
          "html_url",
          "id",
          "node_id",
          "labels",
          "labels_url",
          "milestone",
          "number",
          "repository_url",
          "state",
          "locked",
          "title",
          "url",
          "user",
          "created_at",
          "updated_at"
        ],
        "x-github-breaking-changes": [
          {
            changeset: "deprecate_beta_media_type",
            patch: {
              properties: {
                pull_request: {
                  type: "object",
                  properties: {
                    merged_at: { nullable: false },
                    diff_url: { nullable: false },
                    html_url: { nullable: false },
                    patch_url: { nullable: false },
                    url: { nullable: false }
                  }
                }
              }
            },
            version: "2026-03-10"
          },
          {
            changeset: "remove_singular_assignee_from_issues_and_pull_requests",
            patch: {
              properties: { assignee: null },
              required: [
                "closed_at",
                "comments",
                "comments_url",
                "events_url",
                "html_url",
                "id",
                "node_id",
                "labels",
                "labels_url",
                "milestone",
                "number",
                "repository_url",
                "state",
                "locked",
                "title",
                "url",
                "user",
                "created_at",
                "updated_at"
              ]
            },
            version: "2026-03-10"
          }
        ]
      },
      "issue-comment": {
        title: "Issue Comment",
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          url: { type: "string", format: "uri" },
          body: { type: "string" },
          body_text: { type: "string" },
          body_html: { type: "string" },
          html_url: { type: "string", format: "uri" },
          user: { $ref: "#/components/schemas/nullable-simple-user" },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          issue_url: { type: "string", format: "uri" },
          author_association: { $ref: "#/components/schemas/author-association" },
          performed_via_github_app: { $ref: "#/components/schemas/nullable-integration" },
          reactions: { $ref: "#/components/schemas/reaction-rollup" },
          pin: { $ref: "#/components/schemas/nullable-pinned-issue-comment" },
          minimized: { $ref: "#/components/schemas/nullable-issue-comment-minimized" }
        },
        required: ["id", "node_id", "html_url", "issue_url", "user", "url", "created_at", "updated_at"]
      },
      "issue-dependencies-summary": {
        title: "Issue Dependencies Summary",
        type: "object",
        properties: {
          blocked_by: { type: "integer" },
          blocking: { type: "integer" },
          total_blocked_by: { type: "integer" },
          total_blocking: { type: "integer" }
        },
        required: ["blocked_by", "blocking", "total_blocked_by", "total_blocking"]
      },
      "issue-field-value": {
        title: "Issue Field Value",
        type: "object",
        properties: {
          issue_field_id: { type: "integer", format: "int64" },
          issue_field_name: { type: "string" },
          node_id: { type: "string" },
          data_type: { type: "string", enum: ["text", "single_select", "multi_select", "number", "date"] },
          value: {
            anyOf: [
              { anyOf: [{ type: "string" }, { type: "number" }, { type: "integer" }] },
              { type: "null" }
            ]
          },
          single_select_option: {
            type: "object",
            properties: {
              id: { type: "integer", format: "int64" },
              name: { type: "string" },
              color: { type: "string" }
            },
            required: ["id", "name", "color"],
            nullable: true
          },
          multi_select_options: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "integer", format: "int64" },
                name: { type: "string" },
                color: { type: "string" }
              },
              required: ["id", "name", "color"]
            },
            nullable: true
          }
        },
        required: ["issue_field_id", "node_id", "data_type", "value"]
      },
      "issue-type": {
        title: "Issue Type",
        type: "object",
        nullable: true,
        properties: {
          id: { type: "integer" },
          node_id: { type: "string" },
          name: { type: "string" },
          description: { type: "string", nullable: true },
          color: {
            type: "string",
            enum: ["gray", "blue", "green", "yellow", "orange", "red", "pink", "purple", null],
            nullable: true
          },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          is_enabled: { type: "boolean" }
        },
        required: ["id", "node_id", "name", "description"]
      },
      link: {
        title: "Link",
        type: "object",
        properties: { href: { type: "string" } },
        required: ["href"]
      },
      "nullable-collaborator": {
        title: "Collaborator",
        type: "object",
        properties: {
          login: { type: "string" },
          id: { type: "integer", format: "int64" },
          email: { nullable: true, type: "string" },
          name: { nullable: true, type: "string" },
          node_id: { type: "string" },
          avatar_url: { type: "string", format: "uri" },
          gravatar_id: { type: "string", nullable: true },
          url: { type: "string", format: "uri" },
          html_url: { type: "string", format: "uri" },
          followers_url: { type: "string", format: "uri" },
          following_url: { type: "string" },
          gists_url: { type: "string" },
          starred_url: { type: "string" },
          subscriptions_url: { type: "string", format: "uri" },
          organizations_url: { type: "string", format: "uri" },
          repos_url: { type: "string", format: "uri" },
          events_url: { type: "string" },
          received_events_url: { type: "string", format: "uri" },
          type: { type: "string" },
          site_admin: { type: "boolean" },
          permissions: {
            type: "object",
            properties: {
              pull: { type: "boolean" },
              triage: { type: "boolean" },
              push: { type: "boolean" },
              maintain: { type: "boolean" },
              admin: { type: "boolean" }
            },
            required: ["pull", "push", "admin"]
          },
          role_name: { type: "string" },
          user_view_type: { type: "string" }
        },
        required: [
          "avatar_url",
          "events_url",
          "followers_url",
          "following_url",
          "gists_url",
          "gravatar_id",
          "html_url",
          "id",
          "node_id",
          "login",
          "organizations_url",
          "received_events_url",
          "repos_url",
          "site_admin",
          "starred_url",
          "subscriptions_url",
          "type",
          "url",
          "role_name"
        ],
        nullable: true
      },
      "nullable-git-user": {
        title: "Git User",
        type: "object",
        properties: {
          name: { type: "string" },
          email: { type: "string" },
          date: { type: "string", format: "date-time" }
        },
        nullable: true
      },
      "nullable-integration": {
        title: "GitHub app",
        type: "object",
        nullable: true,
        properties: {
          id: { type: "integer" },
          slug: { type: "string" },
          node_id: { type: "string" },
          client_id: { type: "string" },
          owner: {
            oneOf: [{ $ref: "#/components/schemas/simple-user" }, { $ref: "#/components/schemas/enterprise" }]
          },
          name: { type: "string" },
          description: { type: "string", nullable: true },
          external_url: { type: "string", format: "uri" },
          html_url: { type: "string", format: "uri" },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          permissions: {
            type: "object",
            properties: {
              issues: { type: "string" },
              checks: { type: "string" },
              metadata: { type: "string" },
              contents: { type: "string" },
              deployments: { type: "string" }
            },
            additionalProperties: { type: "string" }
          },
          events: { type: "array", items: { type: "string" } },
          installations_count: { type: "integer" }
        },
        required: [
          "id",
          "node_id",
          "owner",
          "name",
          "description",
          "external_url",
          "html_url",
          "created_at",
          "updated_at",
          "permissions",
          "events"
        ]
      },
      "nullable-issue-comment": {
        title: "Issue Comment",
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          url: { type: "string", format: "uri" },
          body: { type: "string" },
          body_text: { type: "string" },
          body_html: { type: "string" },
          html_url: { type: "string", format: "uri" },
          user: { $ref: "#/components/schemas/nullable-simple-user" },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          issue_url: { type: "string", format: "uri" },
          author_association: { $ref: "#/components/schemas/author-association" },
          performed_via_github_app: { $ref: "#/components/schemas/nullable-integration" },
          reactions: { $ref: "#/components/schemas/reaction-rollup" },
          pin: { $ref: "#/components/schemas/nullable-pinned-issue-comment" },
          minimized: { $ref: "#/components/schemas/nullable-issue-comment-minimized" }
        },
        required: ["id", "node_id", "html_url", "issue_url", "user", "url", "created_at", "updated_at"],
        nullable: true
      },
      "nullable-issue-comment-minimized": {
        title: "Minimized Issue Comment",
        type: "object",
        properties: { reason: { type: "string", nullable: true } },
        required: ["reason"],
        nullable: true
      },
      "nullable-license-simple": {
        title: "License Simple",
        type: "object",
        properties: {
          key: { type: "string" },
          name: { type: "string" },
          url: { type: "string", nullable: true, format: "uri" },
          spdx_id: { type: "string", nullable: true },
          node_id: { type: "string" },
          html_url: { type: "string", format: "uri" }
        },
        required: ["key", "name", "url", "spdx_id", "node_id"],
        nullable: true
      },
      "nullable-milestone": {
        title: "Milestone",
        type: "object",
        properties: {
          url: { type: "string", format: "uri" },
          html_url: { type: "string", format: "uri" },
          labels_url: { type: "string", format: "uri" },
          id: { type: "integer" },
          node_id: { type: "string" },
          number: { type: "integer" },
          state: { type: "string", enum: ["open", "closed"], default: "open" },
          title: { type: "string" },
          description: { type: "string", nullable: true },
          creator: { $ref: "#/components/schemas/nullable-simple-user" },
          open_issues: { type: "integer" },
          closed_issues: { type: "integer" },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          closed_at: { type: "string", format: "date-time", nullable: true },
          due_on: { type: "string", format: "date-time", nullable: true }
        },
        required: [
          "closed_issues",
          "creator",
          "description",
          "due_on",
          "closed_at",
          "id",
          "node_id",
          "labels_url",
          "html_url",
          "number",
          "open_issues",
          "state",
          "title",
          "url",
          "created_at",
          "updated_at"
        ],
        nullable: true
      },
      "nullable-pinned-issue-comment": {
        title: "Pinned Issue Comment",
        type: "object",
        properties: {
          pinned_at: { type: "string", format: "date-time" },
          pinned_by: { $ref: "#/components/schemas/nullable-simple-user" }
        },
        required: ["pinned_at", "pinned_by"],
        nullable: true
      },
      "nullable-repository": {
        title: "Repository",
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          name: { type: "string" },
          full_name: { type: "string" },
          license: { $ref: "#/components/schemas/nullable-license-simple" },
          forks: { type: "integer" },
          permissions: {
            type: "object",
            properties: {
              admin: { type: "boolean" },
              pull: { type: "boolean" },
              triage: { type: "boolean" },
              push: { type: "boolean" },
              maintain: { type: "boolean" }
            },
            required: ["admin", "pull", "push"]
          },
          owner: { $ref: "#/components/schemas/simple-user" },
          private: { default: false, type: "boolean" },
          html_url: { type: "string", format: "uri" },
          description: { type: "string", nullable: true },
          fork: { type: "boolean" },
          url: { type: "string", format: "uri" },
          archive_url: { type: "string" },
          assignees_url: { type: "string" },
          blobs_url: { type: "string" },
          branches_url: { type: "string" },
          collaborators_url: { type: "string" },
          comments_url: { type: "string" },
          commits_url: { type: "string" },
          compare_url: { type: "string" },
          contents_url: { type: "string" },
          contributors_url: { type: "string", format: "uri" },
          deployments_url: { type: "string", format: "uri" },
          downloads_url: { type: "string", format: "uri" },
          events_url: { type: "string", format: "uri" },
          forks_url: { type: "string", format: "uri" },
          git_commits_url: { type: "string" },
          git_refs_url: { type: "string" },
          git_tags_url: { type: "string" },
          git_url: { type: "string" },
          issue_comment_url: { type: "string" },
          issue_events_url: { type: "string" },
          issues_url: { type: "string" },
          keys_url: { type: "string" },
          labels_url: { type: "string" },
          languages_url: { type: "string", format: "uri" },
          merges_url: { type: "string", format: "uri" },
          milestones_url: { type: "string" },
          notifications_url: { type: "string" },
          pulls_url: { type: "string" },
          releases_url: { type: "string" },
          ssh_url: { type: "string" },
          stargazers_url: { type: "string", format: "uri" },
          statuses_url: { type: "string" },
          subscribers_url: { type: "string", format: "uri" },
          subscription_url: { type: "string", format: "uri" },
          tags_url: { type: "string", format: "uri" },
          teams_url: { type: "string", format: "uri" },
          trees_url: { type: "string" },
          clone_url: { type: "string" },
          mirror_url: { type: "string", format: "uri", nullable: true },
          hooks_url: { type: "string", format: "uri" },
          svn_url: { type: "string", format: "uri" },
          homepage: { type: "string", format: "uri", nullable: true },
          language: { type: "string", nullable: true },
          forks_count: { type: "integer" },
          stargazers_count: { type: "integer" },
          watchers_count: { type: "integer" },
          size: { type: "integer" },
          default_branch: { type: "string" },
          open_issues_count: { type: "integer" },
          is_template: { default: false, type: "boolean" },
          topics: { type: "array", items: { type: "string" } },
          has_issues: { default: true, type: "boolean" },
          has_projects: { default: true, type: "boolean" },
          has_wiki: { default: true, type: "boolean" },
          has_pages: { type: "boolean" },
          has_downloads: { default: true, type: "boolean", deprecated: true },
          has_discussions: { default: false, type: "boolean" },
          has_pull_requests: { default: true, type: "boolean" },
          pull_request_creation_policy: { type: "string", enum: ["all", "collaborators_only"] },
          archived: { default: false, type: "boolean" },
          disabled: { type: "boolean" },
          visibility: { default: "public", type: "string" },
          pushed_at: { type: "string", format: "date-time", nullable: true },
          created_at: { type: "string", format: "date-time", nullable: true },
          updated_at: { type: "string", format: "date-time", nullable: true },
          allow_rebase_merge: { default: true, type: "boolean" },
          temp_clone_token: { type: "string" },
          allow_squash_merge: { default: true, type: "boolean" },
          allow_auto_merge: { default: false, type: "boolean" },
          delete_branch_on_merge: { default: false, type: "boolean" },
          allow_update_branch: { default: false, type: "boolean" },
          use_squash_pr_title_as_default: { type: "boolean", default: false, deprecated: true },
          squash_merge_commit_title: { type: "string", enum: ["PR_TITLE", "COMMIT_OR_PR_TITLE"] },
          squash_merge_commit_message: { type: "string", enum: ["PR_BODY", "COMMIT_MESSAGES", "BLANK"] },
          merge_commit_title: { type: "string", enum: ["PR_TITLE", "MERGE_MESSAGE"] },
          merge_commit_message: { type: "string", enum: ["PR_BODY", "PR_TITLE", "BLANK"] },
          allow_merge_commit: { default: true, type: "boolean" },
          allow_forking: { type: "boolean" },
          web_commit_signoff_required: { default: false, type: "boolean" },
          open_issues: { type: "integer" },
          watchers: { type: "integer" },
          master_branch: { type: "string" },
          starred_at: { type: "string" },
          anonymous_access_enabled: { type: "boolean" },
          code_search_index_status: {
            type: "object",
            properties: { lexical_search_ok: { type: "boolean" }, lexical_commit_sha: { type: "string" } }
          }
        },
        required: [
          "archive_url",
          "assignees_url",
          "blobs_url",
          "branches_url",
          "collaborators_url",
          "comments_url",
          "commits_url",
          "compare_url",
          "contents_url",
          "contributors_url",
          "deployments_url",
          "description",
          "downloads_url",
          "events_url",
          "fork",
          "forks_url",
          "full_name",
          "git_commits_url",
          "git_refs_url",
          "git_tags_url",
          "hooks_url",
          "html_url",
          "id",
          "node_id",
          "issue_comment_url",
          "issue_events_url",
          "issues_url",
          "keys_url",
          "labels_url",
          "languages_url",
          "merges_url",
          "milestones_url",
          "name",
          "notifications_url",
          "owner",
          "private",
          "pulls_url",
          "releases_url",
          "stargazers_url",
          "statuses_url",
          "subscribers_url",
          "subscription_url",
          "tags_url",
          "teams_url",
          "trees_url",
          "url",
          "clone_url",
          "default_branch",
          "forks",
          "forks_count",
          "git_url",
          "has_downloads",
          "has_issues",
          "has_projects",
          "has_wiki",
          "has_pages",
          "homepage",
          "language",
          "archived",
          "disabled",
          "mirror_url",
          "open_issues",
          "open_issues_count",
          "license",
          "pushed_at",
          "size",
          "ssh_url",
          "stargazers_count",
          "svn_url",
          "watchers",
          "watchers_count",
          "created_at",
          "updated_at"
        ],
        "x-github-breaking-changes": [
          {
            changeset: "remove_use_squash_pr_title_as_default",
            patch: { properties: { use_squash_pr_title_as_default: null } },
            version: "2026-03-10"
          },
          {
            changeset: "deprecate_beta_media_type",
            patch: { properties: { master_branch: null } },
            version: "2026-03-10"
          },
          {
            changeset: "remove_has_downloads",
            patch: {
              properties: { has_downloads: null },
              required: [
                "archive_url",
                "assignees_url",
                "blobs_url",
                "branches_url",
                "collaborators_url",
                "comments_url",
                "commits_url",
                "compare_url",
                "contents_url",
                "contributors_url",
                "deployments_url",
                "description",
                "downloads_url",
                "events_url",
                "fork",
                "forks_url",
                "full_name",
                "git_commits_url",
                "git_refs_url",
                "git_tags_url",
                "hooks_url",
                "html_url",
                "id",
                "node_id",
                "issue_comment_url",
                "issue_events_url",
                "issues_url",
                "keys_url",
                "labels_url",
                "languages_url",
                "merges_url",
                "milestones_url",
                "name",
                "notifications_url",
                "owner",
                "private",
                "pulls_url",
                "releases_url",
                "stargazers_url",
                "statuses_url",
                "subscribers_url",
                "subscription_url",
                "tags_url",
                "teams_url",
                "trees_url",
                "url",
                "clone_url",
                "default_branch",
                "forks",
                "forks_count",
                "git_url",
                "has_issues",
                "has_projects",
                "has_wiki",
                "has_pages",
                "homepage",
                "language",
                "archived",
                "disabled",
                "mirror_url",
                "open_issues",
                "open_issues_count",
                "license",
                "pushed_at",
                "size",
                "ssh_url",
                "stargazers_count",
                "svn_url",
                "watchers",
                "watchers_count",
                "created_at",
                "updated_at"
              ]
            },
            version: "2026-03-10"
          }
        ],
        nullable: true
      },
      "nullable-simple-user": {
        title: "Simple User",
        type: "object",
        properties: {
          name: { nullable: true, type: "string" },
          email: { nullable: true, type: "string" },
          login: { type: "string" },
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          avatar_url: { type: "string", format: "uri" },
          gravatar_id: { type: "string", nullable: true },
          url: { type: "string", format: "uri" },
          html_url: { type: "string", format: "uri" },
          followers_url: { type: "string", format: "uri" },
          following_url: { type: "string" },
          gists_url: { type: "string" },
          starred_url: { type: "string" },
          subscriptions_url: { type: "string", format: "uri" },
          organizations_url: { type: "string", format: "uri" },
          repos_url: { type: "string", format: "uri" },
          events_url: { type: "string" },
          received_events_url: { type: "string", format: "uri" },
          type: { type: "string" },
          site_admin: { type: "boolean" },
          starred_at: { type: "string" },
          user_view_type: { type: "string" }
        },
        required: [
          "avatar_url",
          "events_url",
          "followers_url",
          "following_url",
          "gists_url",
          "gravatar_id",
          "html_url",
          "id",
          "node_id",
          "login",
          "organizations_url",
          "received_events_url",
          "repos_url",
          "site_admin",
          "starred_url",
          "subscriptions_url",
          "type",
          "url"
        ],
        nullable: true
      },
      "nullable-team-simple": {
        title: "Team Simple",
        type: "object",
        properties: {
          id: { type: "integer" },
          node_id: { type: "string" },
          url: { type: "string", format: "uri" },
          members_url: { type: "string" },
          name: { type: "string" },
          description: { type: "string", nullable: true },
          permission: { type: "string" },
          privacy: { type: "string" },
          notification_setting: { type: "string" },
          html_url: { type: "string", format: "uri" },
          repositories_url: { type: "string", format: "uri" },
          slug: { type: "string" },
          ldap_dn: { type: "string" },
          type: { type: "string", enum: ["enterprise", "organization"] },
          organization_id: { type: "integer" },
          enterprise_id: { type: "integer" }
        },
        required: [
          "id",
          "node_id",
          "url",
          "members_url",
          "name",
          "description",
          "permission",
          "html_url",
          "repositories_url",
          "slug",
          "type"
        ],
        nullable: true
      },
      "private-user": {
        title: "Private User",
        type: "object",
        properties: {
          login: { type: "string" },
          id: { type: "integer", format: "int64" },
          user_view_type: { type: "string" },
          node_id: { type: "string" },
          avatar_url: { type: "string", format: "uri" },
          gravatar_id: { type: "string", nullable: true },
          url: { type: "string", format: "uri" },
          html_url: { type: "string", format: "uri" },
          followers_url: { type: "string", format: "uri" },
          following_url: { type: "string" },
          gists_url: { type: "string" },
          starred_url: { type: "string" },
          subscriptions_url: { type: "string", format: "uri" },
          organizations_url: { type: "string", format: "uri" },
          repos_url: { type: "string", format: "uri" },
          events_url: { type: "string" },
          received_events_url: { type: "string", format: "uri" },
          type: { type: "string" },
          site_admin: { type: "boolean" },
          name: { type: "string", nullable: true },
          company: { type: "string", nullable: true },
          blog: { type: "string", nullable: true },
          location: { type: "string", nullable: true },
          email: { type: "string", format: "email", nullable: true },
          notification_email: { type: "string", format: "email", nullable: true },
          hireable: { type: "boolean", nullable: true },
          bio: { type: "string", nullable: true },
          twitter_username: { type: "string", nullable: true },
          public_repos: { type: "integer" },
          public_gists: { type: "integer" },
          followers: { type: "integer" },
          following: { type: "integer" },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          private_gists: { type: "integer" },
          total_private_repos: { type: "integer" },
          owned_private_repos: { type: "integer" },
          disk_usage: { type: "integer" },
          collaborators: { type: "integer" },
          two_factor_authentication: { type: "boolean" },
          plan: {
            type: "object",
            properties: {
              collaborators: { type: "integer" },
              name: { type: "string" },
              space: { type: "integer" },
              private_repos: { type: "integer" }
            },
            required: ["collaborators", "name", "space", "private_repos"]
          },
          business_plus: { type: "boolean" },
          ldap_dn: { type: "string" }
        },
        required: [
          "avatar_url",
          "events_url",
          "followers_url",
          "following_url",
          "gists_url",
          "gravatar_id",
          "html_url",
          "id",
          "node_id",
          "login",
          "organizations_url",
          "received_events_url",
          "repos_url",
          "site_admin",
          "starred_url",
          "subscriptions_url",
          "type",
          "url",
          "bio",
          "blog",
          "company",
          "email",
          "followers",
          "following",
          "hireable",
          "location",
          "name",
          "public_gists",
          "public_repos",
          "created_at",
          "updated_at",
          "collaborators",
          "disk_usage",
          "owned_private_repos",
          "private_gists",
          "total_private_repos",
          "two_factor_authentication"
        ]
      },
      "protected-branch-admin-enforced": {
        title: "Protected Branch Admin Enforced",
        type: "object",
        properties: { url: { type: "string", format: "uri" }, enabled: { type: "boolean" } },
        required: ["url", "enabled"]
      },
      "protected-branch-pull-request-review": {
        title: "Protected Branch Pull Request Review",
        type: "object",
        properties: {
          url: { type: "string", format: "uri" },
          dismissal_restrictions: {
            type: "object",
            properties: {
              users: { type: "array", items: { $ref: "#/components/schemas/simple-user" } },
              teams: { type: "array", items: { $ref: "#/components/schemas/team" } },
              apps: { type: "array", items: { $ref: "#/components/schemas/integration" } },
              url: { type: "string" },
              users_url: { type: "string" },
              teams_url: { type: "string" }
            }
          },
          bypass_pull_request_allowances: {
            type: "object",
            properties: {
              users: { type: "array", items: { $ref: "#/components/schemas/simple-user" } },
              teams: { type: "array", items: { $ref: "#/components/schemas/team" } },
              apps: { type: "array", items: { $ref: "#/components/schemas/integration" } }
            }
          },
          dismiss_stale_reviews: { type: "boolean" },
          require_code_owner_reviews: { type: "boolean" },
          required_approving_review_count: { type: "integer", minimum: 0, maximum: 6 },
          require_last_push_approval: { type: "boolean", default: false }
        },
        required: ["dismiss_stale_reviews", "require_code_owner_reviews"]
      },
      "protected-branch-required-status-check": {
        title: "Protected Branch Required Status Check",
        type: "object",
        properties: {
          url: { type: "string" },
          enforcement_level: { type: "string" },
          contexts: { type: "array", items: { type: "string" } },
          checks: {
            type: "array",
            items: {
              type: "object",
              properties: { context: { type: "string" }, app_id: { type: "integer", nullable: true } },
              required: ["context", "app_id"]
            }
          },
          contexts_url: { type: "string" },
          strict: { type: "boolean" }
        },
        required: ["contexts", "checks"]
      },
      "public-user": {
        title: "Public User",
        type: "object",
        properties: {
          login: { type: "string" },
          id: { type: "integer", format: "int64" },
          user_view_type: { type: "string" },
          node_id: { type: "string" },
          avatar_url: { type: "string", format: "uri" },
          gravatar_id: { type: "string", nullable: true },
          url: { type: "string", format: "uri" },
          html_url: { type: "string", format: "uri" },
          followers_url: { type: "string", format: "uri" },
          following_url: { type: "string" },
          gists_url: { type: "string" },
          starred_url: { type: "string" },
          subscriptions_url: { type: "string", format: "uri" },
          organizations_url: { type: "string", format: "uri" },
          repos_url: { type: "string", format: "uri" },
          events_url: { type: "string" },
          received_events_url: { type: "string", format: "uri" },
          type: { type: "string" },
          site_admin: { type: "boolean" },
          name: { type: "string", nullable: true },
          company: { type: "string", nullable: true },
          blog: { type: "string", nullable: true },
          location: { type: "string", nullable: true },
          email: { type: "string", format: "email", nullable: true },
          notification_email: { type: "string", format: "email", nullable: true },
          hireable: { type: "boolean", nullable: true },
          bio: { type: "string", nullable: true },
          twitter_username: { type: "string", nullable: true },
          public_repos: { type: "integer" },
          public_gists: { type: "integer" },
          followers: { type: "integer" },
          following: { type: "integer" },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          plan: {
            type: "object",
            properties: {
              collaborators: { type: "integer" },
              name: { type: "string" },
              space: { type: "integer" },
              private_repos: { type: "integer" }
            },
            required: ["collaborators", "name", "space", "private_repos"]
          },
          private_gists: { type: "integer" },
          total_private_repos: { type: "integer" },
          owned_private_repos: { type: "integer" },
          disk_usage: { type: "integer" },
          collaborators: { type: "integer" }
        },
        required: [
          "avatar_url",
          "events_url",
          "followers_url",
          "following_url",
          "gists_url",
          "gravatar_id",
          "html_url",
          "id",
          "node_id",
          "login",
          "organizations_url",
          "received_events_url",
          "repos_url",
          "site_admin",
          "starred_url",
          "subscriptions_url",
          "type",
          "url",
          "bio",
          "blog",
          "company",
          "email",
          "followers",
          "following",
          "hireable",
          "location",
          "name",
          "public_gists",
          "public_repos",
          "created_at",
          "updated_at"
        ],
        additionalProperties: false
      },
      "pull-request": {
        type: "object",
        title: "Pull Request",
        properties: {
          url: { type: "string", format: "uri" },
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          html_url: { type: "string", format: "uri" },
          diff_url: { type: "string", format: "uri" },
          patch_url: { type: "string", format: "uri" },
          issue_url: { type: "string", format: "uri" },
          commits_url: { type: "string", format: "uri" },
          review_comments_url: { type: "string", format: "uri" },
          review_comment_url: { type: "string" },
          comments_url: { type: "string", format: "uri" },
          statuses_url: { type: "string", format: "uri" },
          number: { type: "integer" },
          state: { enum: ["open", "closed"], type: "string" },
          locked: { type: "boolean" },
          title: { type: "string" },
          user: { $ref: "#/components/schemas/simple-user" },
          body: { type: "string", nullable: true },
          labels: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "integer", format: "int64" },
                node_id: { type: "string" },
                url: { type: "string" },
                name: { type: "string" },
                description: { type: "string", nullable: true },
                color: { type: "string" },
                default: { type: "boolean" }
              },
              required: ["id", "node_id", "url", "name", "description", "color", "default"]
            }
          },
          milestone: { $ref: "#/components/schemas/nullable-milestone" },
          active_lock_reason: { type: "string", nullable: true },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          closed_at: { type: "string", format: "date-time", nullable: true },
          merged_at: { type: "string", format: "date-time", nullable: true },
          merge_commit_sha: { type: "string", nullable: true },
          assignee: { $ref: "#/components/schemas/nullable-simple-user" },
          assignees: { type: "array", items: { $ref: "#/components/schemas/simple-user" } },
          requested_reviewers: { type: "array", items: { $ref: "#/components/schemas/simple-user" } },
          requested_teams: { type: "array", items: { $ref: "#/components/schemas/team-simple" } },
          head: {
            type: "object",
            properties: {
              label: { type: "string" },
              ref: { type: "string" },
              repo: { $ref: "#/components/schemas/repository" },
              sha: { type: "string" },
              user: { $ref: "#/components/schemas/simple-user" }
            },
            required: ["label", "ref", "repo", "sha", "user"]
          },
          base: {
            type: "object",
            properties: {
              label: { type: "string" },
              ref: { type: "string" },
              repo: { $ref: "#/components/schemas/repository" },
              sha: { type: "string" },
              user: { $ref: "#/components/schemas/simple-user" }
            },
            required: ["label", "ref", "repo", "sha", "user"]
          },
          _links: {
            type: "object",
            properties: {
              comments: { $ref: "#/components/schemas/link" },
              commits: { $ref: "#/components/schemas/link" },
              statuses: { $ref: "#/components/schemas/link" },
              html: { $ref: "#/components/schemas/link" },
              issue: { $ref: "#/components/schemas/link" },
              review_comments: { $ref: "#/components/schemas/link" },
              review_comment: { $ref: "#/components/schemas/link" },
              self: { $ref: "#/components/schemas/link" }
            },
            required: [
              "comments",
              "commits",
              "statuses",
              "html",
              "issue",
              "review_comments",
              "review_comment",
              "self"
            ]
          },
          author_association: { $ref: "#/components/schemas/author-association" },
          auto_merge: { $ref: "#/components/schemas/auto-merge" },
          stack: { $ref: "#/components/schemas/pull-request-stack" },
          draft: { type: "boolean" },
          merged: { type: "boolean" },
          mergeable: { type: "boolean", nullable: true },
          rebaseable: { type: "boolean", nullable: true },
          mergeable_state: { type: "string" },
          merged_by: { $ref: "#/components/schemas/nullable-simple-user" },
          comments: { type: "integer" },
          review_comments: { type: "integer" },
          maintainer_can_modify: { type: "boolean" },
          commits: { type: "integer" },
          additions: { type: "integer" },
          deletions: { type: "integer" },
          changed_files: { type: "integer" }
        },
        required: [
          "_links",
          "assignee",
          "labels",
          "base",
          "body",
          "closed_at",
          "comments_url",
          "commits_url",
          "created_at",
          "diff_url",
          "head",
          "html_url",
          "id",
          "node_id",
          "issue_url",
          "merge_commit_sha",
          "merged_at",
          "milestone",
          "number",
          "patch_url",
          "review_comment_url",
          "review_comments_url",
          "statuses_url",
          "state",
          "locked",
          "title",
          "updated_at",
          "url",
          "user",
          "author_association",
          "auto_merge",
          "additions",
          "changed_files",
          "comments",
          "commits",
          "deletions",
          "mergeable",
          "mergeable_state",
          "merged",
          "maintainer_can_modify",
          "merged_by",
          "review_comments"
        ],
        "x-github-breaking-changes": [
          {
            changeset: "remove_pull_request_merge_commit_sha",
            patch: {
              properties: { merge_commit_sha: null },
              required: [
                "_links",
                "assignee",
                "labels",
                "base",
                "body",
                "closed_at",
                "comments_url",
                "commits_url",
                "created_at",
                "diff_url",
                "head",
                "html_url",
                "id",
                "node_id",
                "issue_url",
                "merged_at",
                "milestone",
                "number",
                "patch_url",
                "review_comment_url",
                "review_comments_url",
                "statuses_url",
                "state",
                "locked",
                "title",
                "updated_at",
                "url",
                "user",
                "author_association",
                "auto_merge",
                "additions",
                "changed_files",
                "comments",
                "commits",
                "deletions",
                "mergeable",
                "mergeable_state",
                "merged",
                "maintainer_can_modify",
                "merged_by",
                "review_comments"
              ]
            },
            version: "2026-03-10"
          },
          {
            changeset: "remove_singular_assignee_from_issues_and_pull_requests",
            patch: {
              properties: { assignee: null },
              required: [
                "_links",
                "labels",
                "base",
                "body",
                "closed_at",
                "comments_url",
                "commits_url",
                "created_at",
                "diff_url",
                "head",
                "html_url",
                "id",
                "node_id",
                "issue_url",
                "merged_at",
                "milestone",
                "number",
                "patch_url",
                "review_comment_url",
                "review_comments_url",
                "statuses_url",
                "state",
                "locked",
                "title",
                "updated_at",
                "url",
                "user",
                "author_association",
                "auto_merge",
                "additions",
                "changed_files",
                "comments",
                "commits",
                "deletions",
                "mergeable",
                "mergeable_state",
                "merged",
                "maintainer_can_modify",
                "merged_by",
                "review_comments"
              ]
            },
            version: "2026-03-10"
          }
        ]
      },
      "pull-request-review": {
        title: "Pull Request Review",
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          user: { $ref: "#/components/schemas/nullable-simple-user" },
          body: { type: "string" },
          state: { type: "string" },
          html_url: { type: "string", format: "uri" },
          pull_request_url: { type: "string", format: "uri" },
          _links: {
            type: "object",
            properties: {
              html: { type: "object", properties: { href: { type: "string" } }, required: ["href"] },
              pull_request: { type: "object", properties: { href: { type: "string" } }, required: ["href"] }
            },
            required: ["html", "pull_request"]
          },
          submitted_at: { type: "string", format: "date-time" },
          commit_id: { type: "string", nullable: true },
          body_html: { type: "string" },
          body_text: { type: "string" },
          author_association: { $ref: "#/components/schemas/author-association" }
        },
        required: [
          "id",
          "node_id",
          "user",
          "body",
          "state",
          "commit_id",
          "html_url",
          "pull_request_url",
          "_links",
          "author_association"
        ]
      },
      "pull-request-review-comment": {
        title: "Pull Request Review Comment",
        type: "object",
        properties: {
          url: { type: "string" },
          pull_request_review_id: { type: "integer", format: "int64", nullable: true },
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          diff_hunk: { type: "string" },
          path: { type: "string" },
          position: { type: "integer" },
          original_position: { type: "integer" },
          commit_id: { type: "string" },
          original_commit_id: { type: "string" },
          in_reply_to_id: { type: "integer" },
          user: { $ref: "#/components/schemas/nullable-simple-user" },
          body: { type: "string" },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          html_url: { type: "string", format: "uri" },
          pull_request_url: { type: "string", format: "uri" },
          author_association: { $ref: "#/components/schemas/author-association" },
          _links: {
            type: "object",
            properties: {
              self: {
                type: "object",
                properties: { href: { type: "string", format: "uri" } },
                required: ["href"]
              },
              html: {
                type: "object",
                properties: { href: { type: "string", format: "uri" } },
                required: ["href"]
              },
              pull_request: {
                type: "object",
                properties: { href: { type: "string", format: "uri" } },
                required: ["href"]
              }
            },
            required: ["self", "html", "pull_request"]
          },
          start_line: { type: "integer", nullable: true },
          original_start_line: { type: "integer", nullable: true },
          start_side: { type: "string", enum: ["LEFT", "RIGHT", null], default: "RIGHT", nullable: true },
          line: { type: "integer" },
          original_line: { type: "integer" },
          side: { enum: ["LEFT", "RIGHT"], default: "RIGHT", type: "string" },
          subject_type: { type: "string", enum: ["line", "file"] },
          reactions: { $ref: "#/components/schemas/reaction-rollup" },
          body_html: { type: "string" },
          body_text: { type: "string" }
        },
        required: [
          "url",
          "id",
          "node_id",
          "pull_request_review_id",
          "diff_hunk",
          "path",
          "commit_id",
          "original_commit_id",
          "user",
          "body",
          "created_at",
          "updated_at",
          "html_url",
          "pull_request_url",
          "author_association",
          "_links"
        ]
      },
      "pull-request-simple": {
        title: "Pull Request Simple",
        type: "object",
        properties: {
          url: { type: "string", format: "uri" },
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          html_url: { type: "string", format: "uri" },
          diff_url: { type: "string", format: "uri" },
          patch_url: { type: "string", format: "uri" },
          issue_url: { type: "string", format: "uri" },
          commits_url: { type: "string", format: "uri" },
          review_comments_url: { type: "string", format: "uri" },
          review_comment_url: { type: "string" },
          comments_url: { type: "string", format: "uri" },
          statuses_url: { type: "string", format: "uri" },
          number: { type: "integer" },
          state: { type: "string" },
          locked: { type: "boolean" },
          title: { type: "string" },
          user: { $ref: "#/components/schemas/nullable-simple-user" },
          body: { type: "string", nullable: true },
          labels: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "integer", format: "int64" },
                node_id: { type: "string" },
                url: { type: "string" },
                name: { type: "string" },
                description: { type: "string" },
                color: { type: "string" },
                default: { type: "boolean" }
              },
              required: ["id", "node_id", "url", "name", "description", "color", "default"]
            }
          },
          milestone: { $ref: "#/components/schemas/nullable-milestone" },
          active_lock_reason: { type: "string", nullable: true },
          created_at: { type: "string", format: "date-time" },
          updated_at: { type: "string", format: "date-time" },
          closed_at: { type: "string", format: "date-time", nullable: true },
          merged_at: { type: "string", format: "date-time", nullable: true },
          merge_commit_sha: { type: "string", nullable: true },
          assignee: { $ref: "#/components/schemas/nullable-simple-user" },
          assignees: { type: "array", items: { $ref: "#/components/schemas/simple-user" } },
          requested_reviewers: { type: "array", items: { $ref: "#/components/schemas/simple-user" } },
          requested_teams: { type: "array", items: { $ref: "#/components/schemas/team" } },
          head: {
            type: "object",
            properties: {
              label: { type: "string" },
              ref: { type: "string" },
              repo: { $ref: "#/components/schemas/repository" },
              sha: { type: "string" },
              user: { $ref: "#/components/schemas/nullable-simple-user" }
            },
            required: ["label", "ref", "repo", "sha", "user"]
          },
          base: {
            type: "object",
            properties: {
              label: { type: "string" },
              ref: { type: "string" },
              repo: { $ref: "#/components/schemas/repository" },
              sha: { type: "string" },
              user: { $ref: "#/components/schemas/nullable-simple-user" }
            },
            required: ["label", "ref", "repo", "sha", "user"]
          },
          _links: {
            type: "object",
            properties: {
              comments: { $ref: "#/components/schemas/link" },
              commits: { $ref: "#/components/schemas/link" },
              statuses: { $ref: "#/components/schemas/link" },
              html: { $ref: "#/components/schemas/link" },
              issue: { $ref: "#/components/schemas/link" },
              review_comments: { $ref: "#/components/schemas/link" },
              review_comment: { $ref: "#/components/schemas/link" },
              self: { $ref: "#/components/schemas/link" }
            },
            required: [
              "comments",
              "commits",
              "statuses",
              "html",
              "issue",
              "review_comments",
              "review_comment",
              "self"
            ]
          },
          author_association: { $ref: "#/components/schemas/author-association" },
          auto_merge: { $ref: "#/components/schemas/auto-merge" },
          stack: { $ref: "#/components/schemas/pull-request-stack" },
          draft: { type: "boolean" }
        },
        required: [
          "_links",
          "assignee",
          "labels",
          "base",
          "body",
          "closed_at",
          "comments_url",
          "commits_url",
          "created_at",
          "diff_url",
          "head",
          "html_url",
          "id",
          "node_id",
          "issue_url",
          "merge_commit_sha",
          "merged_at",
          "milestone",
          "number",
          "patch_url",
          "review_comment_url",
          "review_comments_url",
          "statuses_url",
          "state",
          "locked",
          "title",
          "updated_at",
          "url",
          "user",
          "author_association",
          "auto_merge"
        ],
        "x-github-breaking-changes": [
          {
            changeset: "remove_pull_request_merge_commit_sha",
            patch: {
              properties: { merge_commit_sha: null },
              required: [
                "_links",
                "assignee",
                "labels",
                "base",
                "body",
                "closed_at",
                "comments_url",
                "commits_url",
                "created_at",
                "diff_url",
                "head",
                "html_url",
                "id",
                "node_id",
                "issue_url",
                "merged_at",
                "milestone",
                "number",
                "patch_url",
                "review_comment_url",
                "review_comments_url",
                "statuses_url",
                "state",
                "locked",
                "title",
                "updated_at",
                "url",
                "user",
                "author_association",
                "auto_merge"
              ]
            },
            version: "2026-03-10"
          },
          {
            changeset: "remove_singular_assignee_from_issues_and_pull_requests",
            patch: {
              properties: { assignee: null },
              required: [
                "_links",
                "labels",
                "base",
                "body",
                "closed_at",
                "comments_url",
                "commits_url",
                "created_at",
                "diff_url",
                "head",
                "html_url",
                "id",
                "node_id",
                "issue_url",
                "merged_at",
                "milestone",
                "number",
                "patch_url",
                "review_comment_url",
                "review_comments_url",
                "statuses_url",
                "state",
                "locked",
                "title",
                "updated_at",
                "url",
                "user",
                "author_association",
                "auto_merge"
              ]
            },
            version: "2026-03-10"
          }
        ]
      },
      "pull-request-stack": {
        title: "Pull Request Stack",
        type: "object",
        properties: {
          base: {
            type: "object",
            properties: { ref: { type: "string" }, sha: { type: "string" } },
            required: ["ref", "sha"]
          },
          size: { type: "integer" },
          position: { type: "integer" },
          id: { type: "integer" },
          number: { type: "integer" }
        },
        required: ["base"],
        nullable: true
      },
      reaction: {
        title: "Reaction",
        type: "object",
        properties: {
          id: { type: "integer" },
          node_id: { type: "string" },
          user: { $ref: "#/components/schemas/nullable-simple-user" },
          content: {
            type: "string",
            enum: ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"]
          },
          created_at: { type: "string", format: "date-time" }
        },
        required: ["id", "node_id", "user", "content", "created_at"]
      },
      "reaction-rollup": {
        title: "Reaction Rollup",
        type: "object",
        properties: {
          url: { type: "string", format: "uri" },
          total_count: { type: "integer" },
          "+1": { type: "integer" },
          "-1": { type: "integer" },
          laugh: { type: "integer" },
          confused: { type: "integer" },
          heart: { type: "integer" },
          hooray: { type: "integer" },
          eyes: { type: "integer" },
          rocket: { type: "integer" }
        },
        required: ["url", "total_count", "+1", "-1", "laugh", "confused", "heart", "hooray", "eyes", "rocket"]
      },
      repository: {
        title: "Repository",
        type: "object",
        properties: {
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          name: { type: "string" },
          full_name: { type: "string" },
          license: { $ref: "#/components/schemas/nullable-license-simple" },
          forks: { type: "integer" },
          permissions: {
            type: "object",
            properties: {
              admin: { type: "boolean" },
              pull: { type: "boolean" },
              triage: { type: "boolean" },
              push: { type: "boolean" },
              maintain: { type: "boolean" }
            },
            required: ["admin", "pull", "push"]
          },
          owner: { $ref: "#/components/schemas/simple-user" },
          private: { default: false, type: "boolean" },
          html_url: { type: "string", format: "uri" },
          description: { type: "string", nullable: true },
          fork: { type: "boolean" },
          url: { type: "string", format: "uri" },
          archive_url: { type: "string" },
          assignees_url: { type: "string" },
          blobs_url: { type: "string" },
          branches_url: { type: "string" },
          collaborators_url: { type: "string" },
          comments_url: { type: "string" },
          commits_url: { type: "string" },
          compare_url: { type: "string" },
          contents_url: { type: "string" },
          contributors_url: { type: "string", format: "uri" },
          deployments_url: { type: "string", format: "uri" },
          downloads_url: { type: "string", format: "uri" },
          events_url: { type: "string", format: "uri" },
          forks_url: { type: "string", format: "uri" },
          git_commits_url: { type: "string" },
          git_refs_url: { type: "string" },
          git_tags_url: { type: "string" },
          git_url: { type: "string" },
          issue_comment_url: { type: "string" },
          issue_events_url: { type: "string" },
          issues_url: { type: "string" },
          keys_url: { type: "string" },
          labels_url: { type: "string" },
          languages_url: { type: "string", format: "uri" },
          merges_url: { type: "string", format: "uri" },
          milestones_url: { type: "string" },
          notifications_url: { type: "string" },
          pulls_url: { type: "string" },
          releases_url: { type: "string" },
          ssh_url: { type: "string" },
          stargazers_url: { type: "string", format: "uri" },
          statuses_url: { type: "string" },
          subscribers_url: { type: "string", format: "uri" },
          subscription_url: { type: "string", format: "uri" },
          tags_url: { type: "string", format: "uri" },
          teams_url: { type: "string", format: "uri" },
          trees_url: { type: "string" },
          clone_url: { type: "string" },
          mirror_url: { type: "string", format: "uri", nullable: true },
          hooks_url: { type: "string", format: "uri" },
          svn_url: { type: "string", format: "uri" },
          homepage: { type: "string", format: "uri", nullable: true },
          language: { type: "string", nullable: true },
          forks_count: { type: "integer" },
          stargazers_count: { type: "integer" },
          watchers_count: { type: "integer" },
          size: { type: "integer" },
          default_branch: { type: "string" },
          open_issues_count: { type: "integer" },
          is_template: { default: false, type: "boolean" },
          topics: { type: "array", items: { type: "string" } },
          has_issues: { default: true, type: "boolean" },
          has_projects: { default: true, type: "boolean" },
          has_wiki: { default: true, type: "boolean" },
          has_pages: { type: "boolean" },
          has_downloads: { default: true, type: "boolean", deprecated: true },
          has_discussions: { default: false, type: "boolean" },
          has_pull_requests: { default: true, type: "boolean" },
          pull_request_creation_policy: { type: "string", enum: ["all", "collaborators_only"] },
          archived: { default: false, type: "boolean" },
          disabled: { type: "boolean" },
          visibility: { default: "public", type: "string" },
          pushed_at: { type: "string", format: "date-time", nullable: true },
          created_at: { type: "string", format: "date-time", nullable: true },
          updated_at: { type: "string", format: "date-time", nullable: true },
          allow_rebase_merge: { default: true, type: "boolean" },
          temp_clone_token: { type: "string" },
          allow_squash_merge: { default: true, type: "boolean" },
          allow_auto_merge: { default: false, type: "boolean" },
          delete_branch_on_merge: { default: false, type: "boolean" },
          allow_update_branch: { default: false, type: "boolean" },
          use_squash_pr_title_as_default: { type: "boolean", default: false, deprecated: true },
          squash_merge_commit_title: { type: "string", enum: ["PR_TITLE", "COMMIT_OR_PR_TITLE"] },
          squash_merge_commit_message: { type: "string", enum: ["PR_BODY", "COMMIT_MESSAGES", "BLANK"] },
          merge_commit_title: { type: "string", enum: ["PR_TITLE", "MERGE_MESSAGE"] },
          merge_commit_message: { type: "string", enum: ["PR_BODY", "PR_TITLE", "BLANK"] },
          allow_merge_commit: { default: true, type: "boolean" },
          allow_forking: { type: "boolean" },
          web_commit_signoff_required: { default: false, type: "boolean" },
          open_issues: { type: "integer" },
          watchers: { type: "integer" },
          master_branch: { type: "string" },
          starred_at: { type: "string" },
          anonymous_access_enabled: { type: "boolean" },
          code_search_index_status: {
            type: "object",
            properties: { lexical_search_ok: { type: "boolean" }, lexical_commit_sha: { type: "string" } }
          }
        },
        required: [
          "archive_url",
          "assignees_url",
          "blobs_url",
          "branches_url",
          "collaborators_url",
          "comments_url",
          "commits_url",
          "compare_url",
          "contents_url",
          "contributors_url",
          "deployments_url",
          "description",
          "downloads_url",
          "events_url",
          "fork",
          "forks_url",
          "full_name",
          "git_commits_url",
          "git_refs_url",
          "git_tags_url",
          "hooks_url",
          "html_url",
          "id",
          "node_id",
          "issue_comment_url",
          "issue_events_url",
          "issues_url",
          "keys_url",
          "labels_url",
          "languages_url",
          "merges_url",
          "milestones_url",
          "name",
          "notifications_url",
          "owner",
          "private",
          "pulls_url",
          "releases_url",
          "stargazers_url",
          "statuses_url",
          "subscribers_url",
          "subscription_url",
          "tags_url",
          "teams_url",
          "trees_url",
          "url",
          "clone_url",
          "default_branch",
          "forks",
          "forks_count",
          "git_url",
          "has_downloads",
          "has_issues",
          "has_projects",
          "has_wiki",
          "has_pages",
          "homepage",
          "language",
          "archived",
          "disabled",
          "mirror_url",
          "open_issues",
          "open_issues_count",
          "license",
          "pushed_at",
          "size",
          "ssh_url",
          "stargazers_count",
          "svn_url",
          "watchers",
          "watchers_count",
          "created_at",
          "updated_at"
        ],
        "x-github-breaking-changes": [
          {
            changeset: "remove_use_squash_pr_title_as_default",
            patch: { properties: { use_squash_pr_title_as_default: null } },
            version: "2026-03-10"
          },
          {
            changeset: "deprecate_beta_media_type",
            patch: { properties: { master_branch: null } },
            version: "2026-03-10"
          },
          {
            changeset: "remove_has_downloads",
            patch: {
              properties: { has_downloads: null },
              required: [
                "archive_url",
                "assignees_url",
                "blobs_url",
                "branches_url",
                "collaborators_url",
                "comments_url",
                "commits_url",
                "compare_url",
                "contents_url",
                "contributors_url",
                "deployments_url",
                "description",
                "downloads_url",
                "events_url",
                "fork",
                "forks_url",
                "full_name",
                "git_commits_url",
                "git_refs_url",
                "git_tags_url",
                "hooks_url",
                "html_url",
                "id",
                "node_id",
                "issue_comment_url",
                "issue_events_url",
                "issues_url",
                "keys_url",
                "labels_url",
                "languages_url",
                "merges_url",
                "milestones_url",
                "name",
                "notifications_url",
                "owner",
                "private",
                "pulls_url",
                "releases_url",
                "stargazers_url",
                "statuses_url",
                "subscribers_url",
                "subscription_url",
                "tags_url",
                "teams_url",
                "trees_url",
                "url",
                "clone_url",
                "default_branch",
                "forks",
                "forks_count",
                "git_url",
                "has_issues",
                "has_projects",
                "has_wiki",
                "has_pages",
                "homepage",
                "language",
                "archived",
                "disabled",
                "mirror_url",
                "open_issues",
                "open_issues_count",
                "license",
                "pushed_at",
                "size",
                "ssh_url",
                "stargazers_count",
                "svn_url",
                "watchers",
                "watchers_count",
                "created_at",
                "updated_at"
              ]
            },
            version: "2026-03-10"
          }
        ]
      },
      "repository-collaborator-permission": {
        title: "Repository Collaborator Permission",
        type: "object",
        properties: {
          permission: { type: "string" },
          role_name: { type: "string" },
          user: { $ref: "#/components/schemas/nullable-collaborator" }
        },
        required: ["permission", "role_name", "user"]
      },
      "security-and-analysis": {
        nullable: true,
        type: "object",
        properties: {
          advanced_security: {
            type: "object",
            properties: { status: { type: "string", enum: ["enabled", "disabled"] } }
          },
          code_security: {
            type: "object",
            properties: { status: { type: "string", enum: ["enabled", "disabled"] } }
          },
          dependabot_security_updates: {
            type: "object",
            properties: { status: { type: "string", enum: ["enabled", "disabled"] } }
          },
          secret_scanning: {
            type: "object",
            properties: { status: { type: "string", enum: ["enabled", "disabled"] } }
          },
          secret_scanning_push_protection: {
            type: "object",
            properties: { status: { type: "string", enum: ["enabled", "disabled"] } }
          },
          secret_scanning_non_provider_patterns: {
            type: "object",
            properties: { status: { type: "string", enum: ["enabled", "disabled"] } }
          },
          secret_scanning_ai_detection: {
            type: "object",
            properties: { status: { type: "string", enum: ["enabled", "disabled"] } }
          },
          secret_scanning_delegated_alert_dismissal: {
            type: "object",
            properties: { status: { type: "string", enum: ["enabled", "disabled"] } }
          },
          secret_scanning_delegated_bypass: {
            type: "object",
            properties: { status: { type: "string", enum: ["enabled", "disabled"] } }
          },
          secret_scanning_delegated_bypass_options: {
            type: "object",
            properties: {
              reviewers: {
                type: "array",
                items: {
                  type: "object",
                  required: ["reviewer_id", "reviewer_type"],
                  properties: {
                    reviewer_id: { type: "integer" },
                    reviewer_type: { type: "string", enum: ["TEAM", "ROLE"] },
                    mode: { type: "string", enum: ["ALWAYS", "EXEMPT"], default: "ALWAYS" }
                  }
                }
              }
            }
          }
        }
      },
      "simple-user": {
        title: "Simple User",
        type: "object",
        properties: {
          name: { nullable: true, type: "string" },
          email: { nullable: true, type: "string" },
          login: { type: "string" },
          id: { type: "integer", format: "int64" },
          node_id: { type: "string" },
          avatar_url: { type: "string", format: "uri" },
          gravatar_id: { type: "string", nullable: true },
          url: { type: "string", format: "uri" },
          html_url: { type: "string", format: "uri" },
          followers_url: { type: "string", format: "uri" },
          following_url: { type: "string" },
          gists_url: { type: "string" },
          starred_url: { type: "string" },
          subscriptions_url: { type: "string", format: "uri" },
          organizations_url: { type: "string", format: "uri" },
          repos_url: { type: "string", format: "uri" },
          events_url: { type: "string" },
          received_events_url: { type: "string", format: "uri" },
          type: { type: "string" },
          site_admin: { type: "boolean" },
          starred_at: { type: "string" },
          user_view_type: { type: "string" }
        },
        required: [
          "avatar_url",
          "events_url",
          "followers_url",
          "following_url",
          "gists_url",
          "gravatar_id",
          "html_url",
          "id",
          "node_id",
          "login",
          "organizations_url",
          "received_events_url",
          "repos_url",
          "site_admin",
          "starred_url",
          "subscriptions_url",
          "type",
          "url"
        ]
      },
      "sub-issues-summary": {
        title: "Sub-issues Summary",
        type: "object",
        properties: {
          total: { type: "integer" },
          completed: { type: "integer" },
          percent_completed: { type: "integer" }
        },
        required: ["total", "completed", "percent_completed"]
      },
      team: {
        title: "Team",
        type: "object",
        properties: {
          id: { type: "integer" },
          node_id: { type: "string" },
          name: { type: "string" },
          slug: { type: "string" },
          description: { type: "string", nullable: true },
          privacy: { type: "string" },
          notification_setting: { type: "string" },
          permission: { type: "string" },
          permissions: {
            type: "object",
            properties: {
              pull: { type: "boolean" },
              triage: { type: "boolean" },
              push: { type: "boolean" },
              maintain: { type: "boolean" },
              admin: { type: "boolean" }
            },
            required: ["pull", "triage", "push", "maintain", "admin"]
          },
          url: { type: "string", format: "uri" },
          html_url: { type: "string", format: "uri" },
          members_url: { type: "string" },
          repositories_url: { type: "string", format: "uri" },
          type: { type: "string", enum: ["enterprise", "organization"] },
          access_source: { type: "string", enum: ["direct", "organization", "enterprise"] },
          organization_id: { type: "integer" },
          enterprise_id: { type: "integer" },
          parent: { $ref: "#/components/schemas/nullable-team-simple" }
        },
        required: [
          "id",
          "node_id",
          "url",
          "members_url",
          "name",
          "description",
          "permission",
          "html_url",
          "repositories_url",
          "slug",
          "parent",
          "type"
        ]
      },
      "team-simple": {
        title: "Team Simple",
        type: "object",
        properties: {
          id: { type: "integer" },
          node_id: { type: "string" },
          url: { type: "string", format: "uri" },
          members_url: { type: "string" },
          name: { type: "string" },
          description: { type: "string", nullable: true },
          permission: { type: "string" },
          privacy: { type: "string" },
          notification_setting: { type: "string" },
          html_url: { type: "string", format: "uri" },
          repositories_url: { type: "string", format: "uri" },
          slug: { type: "string" },
          ldap_dn: { type: "string" },
          type: { type: "string", enum: ["enterprise", "organization"] },
          organization_id: { type: "integer" },
          enterprise_id: { type: "integer" }
        },
        required: [
          "id",
          "node_id",
          "url",
          "members_url",
          "name",
          "description",
          "permission",
          "html_url",
          "repositories_url",
          "slug",
          "type"
        ]
      },
      "validation-error": {
        title: "Validation Error",
        type: "object",
        required: ["message", "documentation_url"],
        properties: {
          message: { type: "string" },
          documentation_url: { type: "string" },
          errors: {
            type: "array",
            items: {
              type: "object",
              required: ["code"],
              properties: {
                resource: { type: "string" },
                field: { type: "string" },
                message: { type: "string" },
                code: { type: "string" },
                index: { type: "integer" },
                value: {
                  oneOf: [
                    { type: "string", nullable: true },
                    { type: "integer", nullable: true },
                    { type: "array", nullable: true, items: { type: "string" } }
                  ]
                }
              }
            }
          }
        }
      },
      "validation-error-simple": {
        title: "Validation Error Simple",
        type: "object",
        required: ["message", "documentation_url"],
        properties: {
          message: { type: "string" },
          documentation_url: { type: "string" },
          errors: { type: "array", items: { type: "string" } }
        }
      },
      verification: {
        title: "Verification",
        type: "object",
        properties: {
          verified: { type: "boolean" },
          reason: { type: "string" },
          payload: { type: "string", nullable: true },
          signature: { type: "string", nullable: true },
          verified_at: { type: "string", nullable: true }
        },
        required: ["verified", "reason", "payload", "signature", "verified_at"]
      }
    },
    parameters: {
      branch: {
        name: "branch",
        in: "path",
        required: true,
        schema: { type: "string" },
        "x-multi-segment": true
      },
      "comment-id": {
        name: "comment_id",
        in: "path",
        required: true,
        schema: { type: "integer", format: "int64" }
      },
      direction: {
        name: "direction",
        in: "query",
        required: false,
        schema: { type: "string", enum: ["asc", "desc"], default: "desc" }
      },
      "issue-number": { name: "issue_number", in: "path", required: true, schema: { type: "integer" } },
      labels: { name: "labels", in: "query", required: false, schema: { type: "string" } },
      owner: { name: "owner", in: "path", required: true, schema: { type: "string" } },
      page: { name: "page", in: "query", schema: { type: "integer", default: 1 } },
      "per-page": { name: "per_page", in: "query", schema: { type: "integer", default: 30 } },
      "pull-number": { name: "pull_number", in: "path", required: true, schema: { type: "integer" } },
      repo: { name: "repo", in: "path", required: true, schema: { type: "string" } },
      since: {
        name: "since",
        in: "query",
        required: false,
        schema: { type: "string", format: "date-time" }
      },
      sort: {
        name: "sort",
        in: "query",
        required: false,
        schema: { type: "string", enum: ["created", "updated"], default: "created" }
      },
      username: { name: "username", in: "path", required: true, schema: { type: "string" } }
    },
    headers: { link: { schema: { type: "string" } } }
  }
};

// src/testing/fake-github/openapi.ts
var doc = openapi_subset_default;
function formatsPlugin() {
  const mod = ajvFormats;
  const fn = typeof mod === "function" ? mod : mod.default;
  if (typeof fn === "function") return fn;
  const nested = fn?.default;
  if (typeof nested === "function") return nested;
  throw new Error("ajv-formats: could not find the plugin function");
}
function escapePointer(s) {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}
function resolveRef2(node) {
  let cur = node;
  for (let i = 0; i < 10 && cur && typeof cur === "object" && "$ref" in cur; i++) {
    const ref = cur.$ref;
    let target = doc;
    for (const raw of ref.replace(/^#\//, "").split("/")) {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      target = target?.[key];
    }
    cur = target;
  }
  return cur;
}
var OpenApiValidator = class {
  ajv;
  templates;
  cache = /* @__PURE__ */ new Map();
  constructor() {
    this.ajv = new import_ajv.Ajv({ strict: false, allErrors: true, validateSchema: false });
    formatsPlugin()(this.ajv);
    for (const f of ["int32", "int64", "double", "repo.nwo", "binary", "timestamp"]) this.ajv.addFormat(f, () => true);
    this.ajv.addSchema(doc, "gh");
    this.templates = Object.keys(doc.paths).map((template) => {
      const names = [];
      const source = template.split("/").map((seg) => {
        const m = /^\{([^}]+)\}$/.exec(seg);
        if (m?.[1]) {
          names.push(m[1]);
          return "([^/]+)";
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }).join("/");
      const literalSegments = template.split("/").filter((s) => s && !s.startsWith("{")).length;
      return { template, regex: new RegExp(`^${source}$`), names, literalSegments };
    }).sort((a, b) => b.literalSegments - a.literalSegments);
  }
  /** The documented operations, as `METHOD /template`. */
  operations() {
    return Object.entries(doc.paths).flatMap(([t, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${t}`));
  }
  parameters(template, method) {
    const op = doc.paths[template]?.[method];
    return (op?.parameters ?? []).map((p) => resolveRef2(p));
  }
  validator(pointer) {
    const cached = this.cache.get(pointer);
    if (cached) return cached;
    const fn = this.ajv.getSchema(`gh#${pointer}`) ?? null;
    if (fn) this.cache.set(pointer, fn);
    return fn;
  }
  check(schemaPointer, value, where) {
    const fn = this.validator(schemaPointer);
    if (!fn) return [{ where, message: `no schema at ${schemaPointer}` }];
    if (fn(value)) return [];
    return (fn.errors ?? []).map((e) => ({
      where,
      message: `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}${e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : ""}`
    }));
  }
  /** Matches a raw (still percent-encoded) path below the API root to a documented operation. */
  match(method, rawPath) {
    const m = method.toLowerCase();
    let pathMatched = false;
    let badParam = null;
    for (const t of this.templates) {
      const hit = t.regex.exec(rawPath);
      if (!hit) continue;
      pathMatched = true;
      const op = doc.paths[t.template]?.[m];
      if (!op) continue;
      const params = {};
      let valid = true;
      const declared = this.parameters(t.template, m);
      t.names.forEach((name, i) => {
        let value;
        try {
          value = decodeURIComponent(hit[i + 1] ?? "");
        } catch {
          valid = false;
          return;
        }
        const schema = declared.find((p) => p.in === "path" && p.name === name)?.schema;
        if (schema?.type === "integer") {
          if (!/^\d+$/.test(value)) {
            valid = false;
            badParam = `path parameter ${name}=${JSON.stringify(value)} is not an integer`;
            return;
          }
          params[name] = Number(value);
        } else params[name] = value;
      });
      if (!valid) continue;
      return {
        ok: true,
        op: { template: t.template, method: m, operationId: op.operationId ?? `${m} ${t.template}`, params }
      };
    }
    if (badParam) return { ok: false, status: 404, message: badParam };
    if (pathMatched)
      return { ok: false, status: 404, message: `${method.toUpperCase()} is not documented for ${rawPath}` };
    return { ok: false, status: 404, message: `no documented operation matches ${method.toUpperCase()} ${rawPath}` };
  }
  /** Checks query parameters and the JSON body of a matched request. */
  validateRequest(op, query, body, hasBody) {
    const problems = [];
    const declared = this.parameters(op.template, op.method);
    const base = `/paths/${escapePointer(op.template)}/${op.method}`;
    for (const key of new Set(query.keys())) {
      const index = declared.findIndex((p) => p.in === "query" && p.name === key);
      const param = declared[index];
      if (!param) {
        problems.push({ where: `query.${key}`, message: `unknown query parameter "${key}"` });
        continue;
      }
      const raw = query.get(key) ?? "";
      let value = raw;
      if (param.schema?.type === "integer") value = /^-?\d+$/.test(raw) ? Number(raw) : raw;
      if (param.schema?.type === "boolean") value = raw === "true" ? true : raw === "false" ? false : raw;
      if (param.schema) problems.push(...this.checkInline(param.schema, value, `query.${key}`));
    }
    for (const p of declared) {
      if (p.in === "query" && p.required && !query.has(p.name)) {
        problems.push({ where: `query.${p.name}`, message: "required query parameter is missing" });
      }
    }
    const op2 = doc.paths[op.template]?.[op.method];
    const rb = op2?.requestBody;
    if (!rb) {
      if (hasBody) problems.push({ where: "body", message: "this operation takes no request body" });
      return problems;
    }
    if (!hasBody) {
      if (rb.required) problems.push({ where: "body", message: "request body is required" });
      return problems;
    }
    problems.push(...this.check(`${base}/requestBody/content/application~1json/schema`, body, "body"));
    return problems;
  }
  checkInline(schema, value, where) {
    const key = JSON.stringify(schema);
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile({ ...schema, $id: void 0 });
      this.cache.set(key, fn);
    }
    if (fn(value)) return [];
    return (fn.errors ?? []).map((e) => ({ where, message: `${e.message ?? "is invalid"}` }));
  }
  /**
   * Checks a response the fake built. An undocumented error status (4xx/5xx) is allowed (GitHub answers 404 on
   * operations whose description lists none); an undocumented success status is not.
   */
  validateResponse(op, status, body) {
    const operation = doc.paths[op.template]?.[op.method];
    const entry = operation?.responses[String(status)];
    if (!entry) {
      if (status >= 400) return [];
      return [{ where: `response ${status}`, message: `status ${status} is not documented for this operation` }];
    }
    let pointer = `/paths/${escapePointer(op.template)}/${op.method}/responses/${status}`;
    let resolved = entry;
    if (entry.$ref) {
      pointer = entry.$ref.replace(/^#/, "");
      resolved = resolveRef2(entry);
    }
    if (!resolved.content?.["application/json"]?.schema) {
      return body === void 0 || body === null || body === "" || status >= 400 ? [] : [{ where: `response ${status}`, message: "this status has no documented body" }];
    }
    return this.check(`${pointer}/content/application~1json/schema`, body, `response ${status}`);
  }
};
var shared;
function getOpenApiValidator() {
  shared ??= new OpenApiValidator();
  return shared;
}

// src/testing/fake-github/rest.ts
function str(v) {
  return typeof v === "string" ? v : String(v);
}
function num(v) {
  return typeof v === "number" ? v : Number(v);
}
function obj(body) {
  return body && typeof body === "object" && !Array.isArray(body) ? body : {};
}
function paginate(items, req) {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get("per_page") ?? 30) || 30));
  const pageNo = Math.max(1, Number(req.query.get("page") ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const page2 = items.slice((pageNo - 1) * perPage, pageNo * perPage);
  const link = (p, rel) => {
    const u = new URL(req.url.href);
    u.searchParams.set("per_page", String(perPage));
    u.searchParams.set("page", String(p));
    return `<${u.href}>; rel="${rel}"`;
  };
  const parts = [];
  if (pageNo > 1) parts.push(link(pageNo - 1, "prev"));
  if (pageNo < last) parts.push(link(pageNo + 1, "next"));
  if (pageNo < last) parts.push(link(last, "last"));
  if (pageNo > 1) parts.push(link(1, "first"));
  return { page: page2, headers: parts.length > 0 ? { link: parts.join(", ") } : {} };
}
function sortItems(items, sort, direction) {
  const key = sort === "updated" ? "updatedAt" : "createdAt";
  const sorted = [...items].sort((a, b) => a[key] === b[key] ? a.id - b.id : a[key] < b[key] ? -1 : 1);
  return direction === "asc" ? sorted : sorted.reverse();
}
function reactionContent(body) {
  return str(obj(body).content);
}
function repoOf(m, req) {
  return m.repo(str(req.op.params.owner), str(req.op.params.repo));
}
var routes = {
  "get /repos/{owner}/{repo}": (m, req) => ({ status: 200, body: m.repoJson(repoOf(m, req)) }),
  "get /repos/{owner}/{repo}/issues": (m, req) => {
    const r = repoOf(m, req);
    const state = req.query.get("state") ?? "open";
    const labels = (req.query.get("labels") ?? "").split(",").filter(Boolean);
    const since = req.query.get("since");
    let items = [...m.state.issues, ...m.state.pulls].filter(
      (i) => i.repo === r.fullName && !i.deleted && (state === "all" || i.state === state)
    );
    if (labels.length > 0) items = items.filter((i) => labels.every((l) => i.labels.includes(l)));
    if (since) items = items.filter((i) => i.updatedAt >= since);
    items = sortItems(items, req.query.get("sort") ?? "created", req.query.get("direction") ?? "desc");
    const { page: page2, headers } = paginate(items, req);
    return { status: 200, body: page2.map((i) => m.issueJson(i)), headers };
  },
  "get /repos/{owner}/{repo}/issues/{issue_number}": (m, req) => {
    const r = repoOf(m, req);
    return { status: 200, body: m.issueJson(m.item(r, num(req.op.params.issue_number))) };
  },
  "get /repos/{owner}/{repo}/issues/{issue_number}/comments": (m, req) => {
    const r = repoOf(m, req);
    const it = m.item(r, num(req.op.params.issue_number));
    const since = req.query.get("since");
    const all = m.state.comments.filter((c) => c.repo === r.fullName && c.issueNumber === it.number && (!since || c.updatedAt >= since)).sort((a, b) => a.id - b.id);
    const { page: page2, headers } = paginate(all, req);
    return { status: 200, body: page2.map((c) => m.commentJson(c)), headers };
  },
  "post /repos/{owner}/{repo}/issues/{issue_number}/comments": (m, req) => {
    const r = repoOf(m, req);
    const it = m.item(r, num(req.op.params.issue_number));
    const body = str(obj(req.body).body);
    if (body.length > BODY_LIMIT) throw bodyTooLong("IssueComment");
    const c = m.createComment(r, it, body, m.actor.login);
    return { status: 201, body: m.commentJson(c), headers: { location: m.commentJson(c).url } };
  },
  "post /repos/{owner}/{repo}/issues/{issue_number}/reactions": (m, req) => {
    const r = repoOf(m, req);
    const it = m.item(r, num(req.op.params.issue_number));
    const { reaction, created } = m.addReaction(
      { type: "issue", repo: r.fullName, number: it.number },
      reactionContent(req.body),
      m.actor.login
    );
    return { status: created ? 201 : 200, body: m.reactionJson(reaction) };
  },
  "get /repos/{owner}/{repo}/issues/comments/{comment_id}": (m, req) => {
    const r = repoOf(m, req);
    return { status: 200, body: m.commentJson(m.comment(r, num(req.op.params.comment_id))) };
  },
  "patch /repos/{owner}/{repo}/issues/comments/{comment_id}": (m, req) => {
    const r = repoOf(m, req);
    const c = m.comment(r, num(req.op.params.comment_id));
    const body = str(obj(req.body).body);
    if (body.length > BODY_LIMIT) throw bodyTooLong("IssueComment");
    c.body = body;
    c.updatedAt = m.now();
    return { status: 200, body: m.commentJson(c) };
  },
  "post /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions": (m, req) => {
    const r = repoOf(m, req);
    const c = m.comment(r, num(req.op.params.comment_id));
    const { reaction, created } = m.addReaction(
      { type: "issue_comment", repo: r.fullName, id: c.id },
      reactionContent(req.body),
      m.actor.login
    );
    return { status: created ? 201 : 200, body: m.reactionJson(reaction) };
  },
  "get /repos/{owner}/{repo}/pulls": async (m, req) => {
    const r = repoOf(m, req);
    const state = req.query.get("state") ?? "open";
    const head = req.query.get("head");
    const base = req.query.get("base");
    let items = m.state.pulls.filter((p) => p.repo === r.fullName && (state === "all" || p.state === state));
    if (head) {
      const colon = head.indexOf(":");
      const owner = colon === -1 ? null : head.slice(0, colon).toLowerCase();
      const branch = colon === -1 ? head : head.slice(colon + 1);
      items = items.filter(
        (p) => p.headRef === branch && (owner === null || p.headRepo.split("/")[0]?.toLowerCase() === owner)
      );
    }
    if (base) items = items.filter((p) => p.baseRef === base);
    items = sortItems(items, req.query.get("sort") ?? "created", req.query.get("direction") ?? "desc");
    const { page: page2, headers } = paginate(items, req);
    return { status: 200, body: await Promise.all(page2.map((p) => m.pullSimpleJson(p))), headers };
  },
  "post /repos/{owner}/{repo}/pulls": async (m, req) => {
    const r = repoOf(m, req);
    const b = obj(req.body);
    if (b.issue !== void 0) {
      throw validationFailed([
        { resource: "PullRequest", code: "custom", field: "issue", message: "the fake GitHub does not convert issues" }
      ]);
    }
    if (typeof b.title !== "string" || b.title.trim() === "") {
      throw validationFailed([{ resource: "PullRequest", code: "missing_field", field: "title" }]);
    }
    const p = await m.openPull(r, {
      title: b.title,
      body: typeof b.body === "string" ? b.body : null,
      head: str(b.head),
      base: str(b.base),
      draft: b.draft === true,
      maintainerCanModify: b.maintainer_can_modify !== false
    });
    const json = await m.pullJson(p);
    return { status: 201, body: json, headers: { location: json.url } };
  },
  "get /repos/{owner}/{repo}/pulls/{pull_number}": async (m, req) => {
    const r = repoOf(m, req);
    return { status: 200, body: await m.pullJson(m.pull(r, num(req.op.params.pull_number))) };
  },
  "patch /repos/{owner}/{repo}/pulls/{pull_number}": async (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const b = obj(req.body);
    if (typeof b.body === "string" && b.body.length > BODY_LIMIT) throw bodyTooLong("PullRequest");
    if (typeof b.base === "string") {
      if (!await m.branchExists(r, b.base)) {
        throw validationFailed([{ resource: "PullRequest", code: "invalid", field: "base" }]);
      }
      p.baseRef = b.base;
    }
    if (typeof b.title === "string") p.title = b.title;
    if (typeof b.body === "string") p.body = b.body;
    if (b.state === "open" || b.state === "closed") {
      p.state = b.state;
      p.closedAt = b.state === "closed" ? m.now() : null;
    }
    if (typeof b.maintainer_can_modify === "boolean") p.maintainerCanModify = b.maintainer_can_modify;
    p.updatedAt = m.now();
    return { status: 200, body: await m.pullJson(p) };
  },
  "post /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers": async (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const reviewers = obj(req.body).reviewers ?? [];
    for (const login of reviewers) {
      if (login.toLowerCase() === p.author.toLowerCase()) {
        throw new HttpProblem(422, {
          message: "Review cannot be requested from pull request author.",
          documentation_url: "https://docs.github.com/rest/pulls/review-requests",
          status: "422"
        });
      }
      const known = m.findUser(login);
      const explicit = m.state.permissions[r.fullName]?.[login.toLowerCase()];
      const collaborator = known && (login.toLowerCase() === r.owner.toLowerCase() || explicit && explicit !== "none");
      if (!collaborator) {
        throw new HttpProblem(422, {
          message: `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${r.fullName} repository.`,
          documentation_url: "https://docs.github.com/rest/pulls/review-requests",
          status: "422"
        });
      }
    }
    for (const login of reviewers) {
      const canonical = m.user(login).login;
      if (!p.requestedReviewers.includes(canonical)) p.requestedReviewers.push(canonical);
    }
    return { status: 201, body: await m.pullSimpleJson(p) };
  },
  "get /repos/{owner}/{repo}/pulls/{pull_number}/files": async (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const { page: page2, headers } = paginate(await m.pullFiles(p), req);
    return { status: 200, body: page2.map((f) => m.diffEntryJson(r, p, f)), headers };
  },
  "get /repos/{owner}/{repo}/pulls/{pull_number}/reviews": (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const all = m.state.reviews.filter((x) => x.repo === r.fullName && x.pullNumber === p.number);
    const { page: page2, headers } = paginate(all, req);
    return { status: 200, body: page2.map((x) => m.reviewJson(x)), headers };
  },
  "post /repos/{owner}/{repo}/pulls/{pull_number}/reviews": async (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const b = obj(req.body);
    const comments = Array.isArray(b.comments) ? b.comments.map(obj) : [];
    const side = (v) => v === "LEFT" || v === "RIGHT" ? v : void 0;
    const review = await m.submitReview(r, p, {
      body: typeof b.body === "string" ? b.body : "",
      event: typeof b.event === "string" ? b.event : "PENDING",
      commitId: typeof b.commit_id === "string" ? b.commit_id : null,
      comments: comments.map((c) => ({
        path: str(c.path),
        body: str(c.body),
        ...typeof c.line === "number" ? { line: c.line } : {},
        ...side(c.side) ? { side: side(c.side) } : {},
        ...typeof c.start_line === "number" ? { startLine: c.start_line } : {},
        ...side(c.start_side) ? { startSide: side(c.start_side) } : {}
      }))
    });
    return { status: 200, body: m.reviewJson(review) };
  },
  "get /repos/{owner}/{repo}/pulls/{pull_number}/comments": (m, req) => {
    const r = repoOf(m, req);
    const p = m.pull(r, num(req.op.params.pull_number));
    const all = m.state.reviewThreads.filter((t) => t.repo === r.fullName && t.pullNumber === p.number).flatMap((t) => t.comments.map((c) => ({ t, c }))).sort((a, b) => a.c.id - b.c.id);
    const { page: page2, headers } = paginate(all, req);
    return { status: 200, body: page2.map(({ t, c }) => m.reviewCommentJson(t, c)), headers };
  },
  "get /repos/{owner}/{repo}/pulls/comments/{comment_id}": (m, req) => {
    const r = repoOf(m, req);
    const { thread: thread2, comment } = m.reviewComment(r, num(req.op.params.comment_id));
    return { status: 200, body: m.reviewCommentJson(thread2, comment) };
  },
  "post /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions": (m, req) => {
    const r = repoOf(m, req);
    const { comment } = m.reviewComment(r, num(req.op.params.comment_id));
    const { reaction, created } = m.addReaction(
      { type: "review_comment", repo: r.fullName, id: comment.id },
      reactionContent(req.body),
      m.actor.login
    );
    return { status: created ? 201 : 200, body: m.reactionJson(reaction) };
  },
  "get /repos/{owner}/{repo}/branches/{branch}": async (m, req) => {
    const r = repoOf(m, req);
    return { status: 200, body: await m.branchJson(r, str(req.op.params.branch)) };
  },
  "get /repos/{owner}/{repo}/collaborators/{username}/permission": (m, req) => {
    const r = repoOf(m, req);
    const login = str(req.op.params.username);
    if (!m.findUser(login)) throw notFound(`${login} is not a user`);
    return { status: 200, body: m.permissionJson(r, login) };
  },
  "get /user": (m) => {
    if (m.actor.type === "Bot") {
      throw new HttpProblem(403, {
        message: "Resource not accessible by integration",
        documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
        status: "403"
      });
    }
    return { status: 200, body: m.privateUserJson(m.actor.login) };
  }
};
async function handleRest(m, req) {
  const handler = routes[`${req.op.method} ${req.op.template}`];
  if (!handler) return null;
  try {
    return await handler(m, req);
  } catch (err) {
    if (err instanceof HttpProblem) return { status: err.status, body: err.body };
    throw err;
  }
}

// src/testing/fake-github/index.ts
var DOCS2 = "https://docs.github.com/rest";
var DEFAULT_FAULT_MESSAGES = {
  400: "Bad Request",
  401: "Bad credentials",
  403: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  404: "Not Found",
  410: "Gone",
  422: "Validation Failed",
  429: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  500: "Server Error",
  502: "Server Error",
  503: "Service Unavailable"
};
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
function sleep(ms) {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
function tokenFromHeader(header) {
  const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? "");
  return m?.[1] ?? null;
}
function pathMatches(pattern, rec) {
  if (typeof pattern === "string") return pattern === rec.apiPath || pattern === rec.path;
  pattern.lastIndex = 0;
  if (pattern.test(rec.apiPath)) return true;
  pattern.lastIndex = 0;
  return pattern.test(rec.path);
}
async function startFakeGitHub(opts = {}) {
  const token = opts.token ?? `ghs_${randomBytes(18).toString("hex")}`;
  const ownDir = opts.dir === void 0;
  const dir = opts.dir ?? mkdtempSync(path4.join(os.tmpdir(), "fake-github-"));
  const reposRoot = path4.join(dir, "repos");
  const validator = getOpenApiValidator();
  const requests = [];
  const validationErrors = [];
  const pending = [];
  const holds = [];
  const git2 = createGitHttpHandler({
    root: reposRoot,
    token,
    authorizePush: (repoRel) => {
      const m = /^([^/]+)\/([^/]+)\.git$/.exec(repoRel);
      const r = m ? model.findRepo(m[1] ?? "", m[2] ?? "") : void 0;
      return r ? model.pushDenied(r) : null;
    }
  });
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = server.address().port;
  const serverUrl = `http://127.0.0.1:${port}`;
  const apiUrl = `${serverUrl}/api/v3`;
  const graphqlUrl = `${serverUrl}/api/graphql`;
  const model = new FakeModel({
    urls: { api: apiUrl, web: serverUrl },
    reposRoot,
    actor: opts.actor ?? { login: "github-actions[bot]", type: "Bot" },
    clock: opts.clock ?? (() => /* @__PURE__ */ new Date())
  });
  const send = (res, rec, status, body, headers = {}) => {
    rec.status = status;
    const text = body === void 0 || body === null ? "" : typeof body === "string" ? body : JSON.stringify(body);
    const contentType = typeof body === "string" && !headers["content-type"] ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
    res.writeHead(status, {
      "content-type": contentType,
      "content-length": String(Buffer.byteLength(text)),
      "x-github-request-id": `FAKE:${requests.indexOf(rec) + 1}`,
      ...headers
    });
    res.end(text);
  };
  const rateHeaders = () => {
    const used = requests.filter((r) => r.kind === "rest").length;
    return {
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": String(Math.max(0, 5e3 - used)),
      "x-ratelimit-used": String(used),
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1e3) + 3600),
      "x-ratelimit-resource": "core",
      "x-github-media-type": "github.v3; format=json"
    };
  };
  function takeHold(rec) {
    const i = holds.findIndex(
      ({ spec }) => (!spec.method || spec.method.toUpperCase() === rec.method) && pathMatches(spec.path, rec) && Object.entries(spec.query ?? {}).every(([k, v]) => rec.query[k] === v) && (!spec.graphqlField || (rec.operation ?? "").split(",").includes(spec.graphqlField)) && (!spec.body || spec.body(rec.body))
    );
    const h = holds[i];
    if (!h) return null;
    holds.splice(i, 1);
    h.reach(rec);
    return h.released;
  }
  function takeFault(rec) {
    const i = pending.findIndex(
      (f2) => (!f2.method || f2.method.toUpperCase() === rec.method) && pathMatches(f2.path, rec) && (!f2.graphqlField || (rec.operation ?? "").split(",").includes(f2.graphqlField))
    );
    const f = pending[i];
    if (!f) return null;
    f.left--;
    if (f.left <= 0) pending.splice(i, 1);
    return f;
  }
  async function rest(res, rec, url, rawPath, raw) {
    const fail = (kind, problems2) => validationErrors.push({ kind, method: rec.method, path: rec.apiPath, operation: rec.operation, problems: problems2 });
    const given = tokenFromHeader(rec.headers.authorization);
    if (given !== token) {
      send(
        res,
        rec,
        401,
        { message: given ? "Bad credentials" : "Requires authentication", documentation_url: DOCS2, status: "401" },
        { "www-authenticate": 'Bearer realm="fake GitHub"' }
      );
      return;
    }
    const matched = validator.match(rec.method, rawPath);
    if (!matched.ok) {
      fail("undocumented", [matched.message]);
      send(res, rec, matched.status, { message: "Not Found", documentation_url: DOCS2, status: String(matched.status) });
      return;
    }
    const op = matched.op;
    rec.operation = `${rec.method} ${op.template}`;
    let body = void 0;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        fail("request", ["body is not valid JSON"]);
        send(res, rec, 400, { message: "Problems parsing JSON", documentation_url: DOCS2, status: "400" });
        return;
      }
    }
    const problems = validator.validateRequest(op, url.searchParams, body, raw.length > 0);
    if (problems.length > 0) {
      const lines = problems.map((p) => `${p.where}: ${p.message}`);
      fail("request", lines);
      send(res, rec, 400, {
        message: `Invalid request.

${lines.join("\n")}`,
        documentation_url: DOCS2,
        status: "400"
      });
      return;
    }
    const external = new URL(`${apiUrl}${rawPath}${url.search}`);
    const answer = await handleRest(model, { op, query: url.searchParams, body, url: external });
    if (!answer) {
      fail("undocumented", [`${rec.operation} is documented but the fake GitHub does not implement it`]);
      send(res, rec, 404, { message: "Not Found", documentation_url: DOCS2, status: "404" });
      return;
    }
    const responseProblems = validator.validateResponse(op, answer.status, answer.body);
    if (responseProblems.length > 0) {
      const lines = responseProblems.map((p) => `${p.where}: ${p.message}`);
      fail("response", lines);
      send(res, rec, 500, { message: `fake GitHub built an invalid response:
${lines.join("\n")}` });
      return;
    }
    send(res, rec, answer.status, answer.body, { ...rateHeaders(), ...answer.headers ?? {} });
  }
  async function graphql(res, rec) {
    if (rec.method !== "POST") {
      send(res, rec, 404, { message: "Not Found", documentation_url: "https://docs.github.com/graphql" });
      return;
    }
    const given = tokenFromHeader(rec.headers.authorization);
    if (given !== token) {
      send(res, rec, 401, {
        message: "This endpoint requires you to be authenticated.",
        documentation_url: "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql"
      });
      return;
    }
    const result = await executeGraphql(model, rec.body);
    rec.operation = result.operation;
    if (result.invalid) {
      validationErrors.push({
        kind: "graphql",
        method: rec.method,
        path: rec.apiPath,
        operation: result.operation,
        problems: (result.body.errors ?? []).map((e) => e.message)
      });
    }
    send(res, rec, result.status, result.body, rateHeaders());
  }
  async function handle(req, res) {
    const url = new URL(req.url ?? "/", serverUrl);
    const method = (req.method ?? "GET").toUpperCase();
    const rawPath = url.pathname;
    let kind = "other";
    let apiPath = rawPath;
    let gitPath = null;
    if (rawPath === "/api/v3" || rawPath.startsWith("/api/v3/")) {
      kind = "rest";
      apiPath = rawPath.slice("/api/v3".length) || "/";
    } else if (rawPath === "/api/graphql") {
      kind = "graphql";
      apiPath = "/graphql";
    } else if (/^\/[^/]+\/[^/]+\.git(\/|$)/.test(rawPath)) {
      kind = "git";
      gitPath = rawPath;
    } else if (/^\/[^/]+\/[^/]+\/(info\/refs|git-upload-pack|git-receive-pack)$/.test(rawPath)) {
      kind = "git";
      gitPath = rawPath.replace(/^(\/[^/]+\/[^/]+)\//, "$1.git/");
    } else if (method === "GET") {
      kind = "html";
    }
    const rec = {
      kind,
      method,
      path: rawPath,
      apiPath,
      query: Object.fromEntries(url.searchParams),
      body: null,
      headers: req.headers,
      status: 0,
      operation: null,
      faulted: false
    };
    requests.push(rec);
    let raw = "";
    if (kind !== "git") {
      raw = await readBody(req);
      if (raw.length > 0) {
        try {
          rec.body = JSON.parse(raw);
        } catch {
          rec.body = raw;
        }
      }
    }
    if (kind === "graphql" && rec.body && typeof rec.body === "object") {
      const q = rec.body.query;
      if (typeof q === "string") {
        rec.operation = /^\s*(?:query|mutation)?[^{]*\{\s*([A-Za-z_]\w*)/.exec(q.replace(/#[^\n]*/g, ""))?.[1] ?? null;
      }
    }
    const held = takeHold(rec);
    if (held) {
      let gone = false;
      res.once("close", () => gone = true);
      await held;
      if (gone || res.destroyed) {
        rec.status = 499;
        req.destroy();
        return;
      }
    }
    const fault = takeFault(rec);
    if (fault) {
      rec.faulted = true;
      await sleep(fault.delayMs ?? 0);
      if (kind === "git") req.resume();
      const body = fault.body ?? {
        message: DEFAULT_FAULT_MESSAGES[fault.status] ?? `HTTP ${fault.status}`,
        documentation_url: DOCS2
      };
      send(res, rec, fault.status, body, fault.headers ?? {});
      return;
    }
    switch (kind) {
      case "rest":
        await rest(res, rec, url, apiPath, raw);
        return;
      case "graphql":
        await graphql(res, rec);
        return;
      case "git": {
        res.on("finish", () => {
          rec.status = res.statusCode;
        });
        git2.handle(req, res, gitPath ?? rawPath);
        return;
      }
      case "html": {
        const page2 = await renderHtml(model, rawPath);
        rec.status = page2.status;
        res.writeHead(page2.status, { "content-type": "text/html; charset=utf-8" });
        res.end(page2.html);
        return;
      }
      default:
        send(res, rec, 404, { message: "Not Found", documentation_url: DOCS2 });
    }
  }
  server.on("request", (req, res) => {
    handle(req, res).catch((err) => {
      const message = `fake GitHub internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message }));
    });
  });
  const repoOf2 = (owner, repo) => model.repo(owner, repo);
  const fake = {
    apiUrl,
    graphqlUrl,
    serverUrl,
    port,
    token,
    actor: model.actor,
    state: model.state,
    requests,
    validationErrors,
    git: { requests: git2.requests, pushes: git2.pushes },
    addRepo: (o) => model.addRepo(o),
    addUser: (login, type) => model.user(login, type),
    addIssue: (o) => model.addIssue(o),
    addPull: (o) => model.addPull(o),
    addComment: (o) => model.addComment(o),
    addReview: (o) => model.addReview(o),
    addReviewThread: (o) => model.addReviewThread(o),
    setPermission: (owner, repo, login, permission) => model.setPermission(owner, repo, login, permission),
    deleteIssue(owner, repo, number) {
      const it = model.findItem(repoOf2(owner, repo), number);
      if (!it) throw new Error(`fake GitHub: no issue #${number} in ${owner}/${repo}`);
      it.deleted = true;
    },
    async pushFiles(owner, repo, o) {
      const r = repoOf2(owner, repo);
      const exists = await resolveRef(r.dir, `refs/heads/${o.branch}`);
      const who = o.author ?? "octocat";
      return commitFiles(r.dir, {
        branch: o.branch,
        parent: exists ? `refs/heads/${o.branch}` : o.from ?? r.defaultBranch,
        files: o.files,
        message: o.message ?? `Update ${Object.keys(o.files).join(", ")}`,
        author: { name: who, email: `${who}@users.noreply.example`, date: (/* @__PURE__ */ new Date()).toISOString() }
      });
    },
    async createBranch(owner, repo, branch, from) {
      const r = repoOf2(owner, repo);
      const sha = await resolveRef(r.dir, from ?? r.defaultBranch);
      if (!sha) throw new Error(`fake GitHub: ${from ?? r.defaultBranch} does not exist in ${r.fullName}`);
      await setRef(r.dir, `refs/heads/${branch}`, sha);
      return sha;
    },
    failNext(f) {
      pending.push({ ...f, left: f.times ?? 1 });
    },
    pendingFaults: () => pending.map(({ left, ...f }) => ({ ...f, times: left })),
    hold(spec) {
      let reach = () => void 0;
      let release = () => void 0;
      const reached = new Promise((r) => reach = r);
      const released = new Promise((r) => release = r);
      holds.push({ spec, reach, released });
      return { reached, release };
    },
    find: (method, p) => requests.filter((r) => r.method === method.toUpperCase() && pathMatches(p, r)),
    cloneUrl: (owner, repo) => `${serverUrl}/${owner}/${repo}.git`,
    gitAuthHeader: () => `Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`,
    gitLog: (owner, repo, ref) => gitLog(repoOf2(owner, repo).dir, ref),
    readFile: (owner, repo, ref, file) => readFileAt(repoOf2(owner, repo).dir, ref, file),
    listFiles: (owner, repo, ref) => listFiles(repoOf2(owner, repo).dir, ref),
    resolveRef: (owner, repo, ref) => resolveRef(repoOf2(owner, repo).dir, ref),
    branches: (owner, repo) => listBranches(repoOf2(owner, repo).dir),
    async close() {
      await git2.idle();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
      if (ownDir) rmSync2(dir, { recursive: true, force: true });
    }
  };
  try {
    for (const r of opts.repos ?? []) await model.addRepo(r);
  } catch (err) {
    await fake.close();
    throw err;
  }
  return fake;
}

// src/cli/demo/replay.json
var replay_default = {
  version: 1,
  model: "replay/demo",
  note: "Recorded model responses for the offline demo. They stand in for a live model: this is a replay, not a model.",
  responses: [
    {
      content: "Let me look at the repository layout and the divide function.",
      toolCalls: [
        {
          id: "call_1",
          name: "execute_bash",
          arguments: '{"command":"ls -R src test && cat src/calc.js"}'
        }
      ],
      usage: {
        prompt_tokens: 2100,
        completion_tokens: 40
      }
    },
    {
      content: "The tests pass today; none covers a zero divisor.",
      toolCalls: [
        {
          id: "call_2",
          name: "execute_bash",
          arguments: '{"command":"node --test 2>&1 | tail -n 8"}'
        }
      ],
      usage: {
        prompt_tokens: 2350,
        completion_tokens: 30
      }
    },
    {
      content: null,
      toolCalls: [
        {
          id: "call_3",
          name: "think",
          arguments: '{"thought":"divide() must throw RangeError(\\"Division by zero\\") when b is 0. I will guard the divisor and add a regression test."}'
        }
      ],
      usage: {
        prompt_tokens: 2600,
        completion_tokens: 45
      }
    },
    {
      content: "Guarding the divisor.",
      toolCalls: [
        {
          id: "call_4",
          name: "execute_bash",
          arguments: `{"command":"cat > src/calc.js <<'EOF'\\nexport function add(a, b) {\\n  return a + b;\\n}\\n\\nexport function divide(a, b) {\\n  if (b === 0) {\\n    throw new RangeError('Division by zero');\\n  }\\n  return a / b;\\n}\\nEOF"}`
        }
      ],
      usage: {
        prompt_tokens: 2700,
        completion_tokens: 90
      }
    },
    {
      content: "Adding a regression test.",
      toolCalls: [
        {
          id: "call_5",
          name: "execute_bash",
          arguments: `{"command":"cat >> test/calc.test.js <<'EOF'\\n\\ntest('divide by zero throws a RangeError', () => {\\n  assert.throws(() => divide(1, 0), { name: 'RangeError', message: 'Division by zero' });\\n});\\nEOF"}`
        }
      ],
      usage: {
        prompt_tokens: 2850,
        completion_tokens: 70
      }
    },
    {
      content: "Running the tests again.",
      toolCalls: [
        {
          id: "call_6",
          name: "execute_bash",
          arguments: '{"command":"node --test 2>&1 | tail -n 8"}'
        }
      ],
      usage: {
        prompt_tokens: 3e3,
        completion_tokens: 25
      }
    },
    {
      content: null,
      toolCalls: [
        {
          id: "call_7",
          name: "finish",
          arguments: '{"message":"divide() now throws a RangeError with the message \\"Division by zero\\" when the divisor is 0, and a regression test covers it. All tests pass."}'
        }
      ],
      usage: {
        prompt_tokens: 3200,
        completion_tokens: 50
      }
    },
    {
      content: '--- success\ntrue\n\n--- explanation\nThe patch makes divide() throw RangeError("Division by zero") for a zero divisor instead of returning Infinity, as the issue asks, and adds a test for it.',
      toolCalls: [],
      usage: {
        prompt_tokens: 900,
        completion_tokens: 60
      }
    }
  ]
};

// src/cli/demo/sample-repo.ts
var DEMO_OWNER = "octo-demo";
var DEMO_REPO = "calculator";
var DEMO_ISSUE_NUMBER = 1;
var DEMO_ISSUE_TITLE = "divide() returns Infinity when the divisor is zero";
var DEMO_ISSUE_BODY = [
  'Calling `divide(1, 0)` returns `Infinity`, which then shows up as "Infinity" on invoices.',
  "",
  "It should throw a `RangeError` with the message `Division by zero` instead."
].join("\n");
var DEMO_FILES = {
  "package.json": JSON.stringify(
    { name: "calculator", version: "1.0.0", type: "module", scripts: { test: "node --test" } },
    null,
    2
  ) + "\n",
  "README.md": "# calculator\n\nTiny arithmetic helpers. Run the tests with `node --test`.\n",
  "src/calc.js": [
    "export function add(a, b) {",
    "  return a + b;",
    "}",
    "",
    "export function divide(a, b) {",
    "  return a / b;",
    "}",
    ""
  ].join("\n"),
  "test/calc.test.js": [
    "import assert from 'node:assert/strict';",
    "import { test } from 'node:test';",
    "import { add, divide } from '../src/calc.js';",
    "",
    "test('add', () => {",
    "  assert.equal(add(2, 3), 5);",
    "});",
    "",
    "test('divide', () => {",
    "  assert.equal(divide(6, 3), 2);",
    "});",
    ""
  ].join("\n")
};

// src/cli/demo/demo.ts
var MAINTAINER = "demo-maintainer";
function demoConfig(fake, outputDir, stateDir, replayFile) {
  const runUrl = `${fake.serverUrl}/${DEMO_OWNER}/${DEMO_REPO}/actions/runs/1`;
  return {
    token: fake.token,
    repository: { owner: DEMO_OWNER, repo: DEMO_REPO },
    eventName: "issues",
    eventPath: "(in memory)",
    actor: MAINTAINER,
    urls: { apiUrl: fake.apiUrl, graphqlUrl: fake.graphqlUrl, serverUrl: fake.serverUrl },
    run: { id: "1", attempt: "1", url: runUrl },
    outputDir,
    stateDir,
    llm: {
      model: `replay/${replayFile}`,
      replayFile,
      numRetries: 0,
      retryMinWaitSec: 0,
      retryMaxWaitSec: 0,
      retryMultiplier: 1,
      timeoutSec: 60
    },
    limits: { maxIterations: 20, maxBudgetUsd: 4, maxRuntimeMinutes: 10 },
    trigger: { macro: "@openhands-agent", label: "fix-me", experimentalLabel: "fix-me-experimental", allowedBots: [] },
    send: {
      targetBranch: null,
      prType: "draft",
      prTitle: null,
      sendOnFailure: true,
      reviewer: null,
      forkOwner: null,
      gitUser: { name: "openhands", email: "openhands@all-hands.dev" },
      patUsername: "openhands-agent",
      branchCollision: "reuse",
      allowWorkflowChanges: false,
      resolveThreads: false
    },
    sandbox: { runtime: "local", baseImage: null, runtimeImage: null, experimentalImage: null, network: "full" },
    dispatch: { issueNumber: null, issueType: "issue", commentId: null }
  };
}
function labeledPayload(fake, issue) {
  const repository = {
    id: 1,
    name: DEMO_REPO,
    full_name: `${DEMO_OWNER}/${DEMO_REPO}`,
    owner: { login: DEMO_OWNER, type: "Organization", id: 1 }
  };
  const sender = { login: MAINTAINER, type: "User", id: 4242 };
  return {
    action: "labeled",
    issue: {
      id: issue.id,
      node_id: issue.nodeId,
      number: DEMO_ISSUE_NUMBER,
      title: DEMO_ISSUE_TITLE,
      body: DEMO_ISSUE_BODY,
      state: "open",
      user: { login: "a-customer", type: "User", id: 77 },
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      html_url: `${fake.serverUrl}/${DEMO_OWNER}/${DEMO_REPO}/issues/${DEMO_ISSUE_NUMBER}`,
      labels: [{ name: "fix-me" }]
    },
    label: { name: "fix-me" },
    repository,
    sender
  };
}
async function runDemo(logger, out) {
  out("openhands-resolver demo: the whole pipeline, offline.");
  out("  GitHub  : a local stand-in (the project's fake GitHub test double, on 127.0.0.1)");
  out("  Model   : a REPLAY of recorded model responses, not a live model");
  out('  Sandbox : the real action-execution server and bash (runtime "local", no isolation)');
  out("  Git     : real clone, commit and push over HTTP with the token in a temporary header");
  out("");
  const work = mkdtempSync2(path5.join(os2.tmpdir(), "openhands-demo-"));
  const fake = await startFakeGitHub({ dir: path5.join(work, "github") });
  try {
    await fake.addRepo({ owner: DEMO_OWNER, repo: DEMO_REPO, files: DEMO_FILES, defaultBranch: "main" });
    fake.addUser(MAINTAINER);
    fake.setPermission(DEMO_OWNER, DEMO_REPO, MAINTAINER, "write");
    const issue = fake.addIssue({
      owner: DEMO_OWNER,
      repo: DEMO_REPO,
      title: DEMO_ISSUE_TITLE,
      body: DEMO_ISSUE_BODY,
      author: "a-customer",
      labels: ["fix-me"]
    });
    out(
      `1. ${MAINTAINER} labelled issue #${issue.number} "${DEMO_ISSUE_TITLE}" with fix-me in ${fake.serverUrl}/${DEMO_OWNER}/${DEMO_REPO}`
    );
    const replayFile = path5.join(work, "replay.json");
    writeFileSync(replayFile, JSON.stringify(replay_default));
    const outputDir = path5.join(work, "output");
    const config = demoConfig(fake, outputDir, path5.join(work, "state"), replayFile);
    const redactor = createRedactor([fake.token]);
    const result = await runJob(config, labeledPayload(fake, issue), {
      logger,
      redactor,
      hostEnv: process.env,
      llm: createReplayClient(replayFile, { model: "replay/demo" }),
      runtime: { localIsolation: "none" }
    });
    out("");
    out(`2. The job finished: ${result.conclusion}.`);
    const record = result.record;
    if (record) {
      const steps = record.history.filter((e) => "action" in e && e.source === "agent").length;
      out(
        `   The agent took ${record.metrics?.iterations ?? steps} steps; the judgement says success=${record.success}.`
      );
      out(`   Record: ${result.outputFile}`);
    }
    const pr = fake.state.pulls.find((p) => p.repo === `${DEMO_OWNER}/${DEMO_REPO}`);
    if (pr) {
      const log = await fake.gitLog(DEMO_OWNER, DEMO_REPO, pr.headRef);
      out(`3. Draft PR #${pr.number} "${pr.title}" from branch ${pr.headRef}; commit "${log[0]?.subject ?? "?"}".`);
      const fixed = await fake.readFile(DEMO_OWNER, DEMO_REPO, pr.headRef, "src/calc.js");
      out("   src/calc.js on the branch:");
      for (const line of (fixed ?? "").trimEnd().split("\n")) out(`     ${line}`);
    }
    const comments = fake.state.comments.filter((c) => c.issueNumber === DEMO_ISSUE_NUMBER);
    out(
      `4. Comments on issue #${DEMO_ISSUE_NUMBER}: ${comments.length} (a progress comment edited in place, and the final one):`
    );
    for (const c of comments)
      out(
        `   - ${c.body.split("\n")[0]?.replace(/<!--.*?-->/g, "").slice(0, 160)}`
      );
    out("");
    if (result.prUrl) {
      out(`PR opened: ${result.prUrl}`);
      return 0;
    }
    out(`No PR was opened (${result.reason ?? result.conclusion}).`);
    return 1;
  } finally {
    await fake.close();
  }
}
export {
  runDemo
};
