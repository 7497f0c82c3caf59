// The C# harness's runtime, pasted into the generated `main.cs` after the user's code, in a namespace of its
// own (so none of its names meet the user's). It reads each test's JSON arguments with a small parser, converts
// them to the parameters' types of the user's method (found by reflection on `Solution`: arrays, `IList<T>`,
// `ListNode`, `TreeNode`, scalars), calls it on a fresh `Solution`, writes the return value by its declared
// type, and runs the tests on a thread with a deep stack for recursive solutions.

namespace ArbiterHarness
{
    using System;
    using System.Collections;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Reflection;
    using System.Runtime.InteropServices;
    using System.Text;
    using System.Threading;

    public static class Runtime
    {
        /// <summary>How many nodes a returned list or tree may have before it is taken for a cycle.</summary>
        const int MaxNodes = 5000000;
        /// <summary>The stack of the thread that runs the tests.</summary>
        const int StackBytes = 256 << 20;
        const int EINTR = 4;

        [DllImport("libc", SetLastError = true)]
        static extern int dup(int fd);

        [DllImport("libc", SetLastError = true)]
        static extern int dup2(int from, int to);

        [DllImport("libc", SetLastError = true)]
        static extern int open(string path, int flags);

        [DllImport("libc", SetLastError = true)]
        static extern int close(int fd);

        [DllImport("libc", SetLastError = true)]
        static extern IntPtr read(int fd, byte[] buffer, IntPtr count);

        [DllImport("libc", SetLastError = true)]
        static extern IntPtr write(int fd, byte[] buffer, IntPtr count);

        /// <summary>The worker's channel (protocol.ts), moved off fd 0; fd 0 then reads /dev/null.</summary>
        static int channel = -1;
        static readonly List<byte> pending = new List<byte>();

        static void OpenChannel()
        {
            channel = dup(0);
            if (channel < 0) throw new InvalidOperationException("harness: no channel on fd 0");
            int devNull = open("/dev/null", 0);
            if (devNull >= 0)
            {
                dup2(devNull, 0);
                close(devNull);
            }
        }

        /// <summary>The next line from the worker, without its newline; null at end of file.</summary>
        static string Receive()
        {
            byte[] buffer = new byte[1 << 16];
            while (true)
            {
                int newline = pending.IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    string line = Encoding.UTF8.GetString(pending.GetRange(0, newline).ToArray());
                    pending.RemoveRange(0, newline + 1);
                    return line;
                }
                long n = (long)read(channel, buffer, (IntPtr)buffer.Length);
                if (n < 0 && Marshal.GetLastWin32Error() == EINTR) continue;
                if (n <= 0) return null;
                for (int i = 0; i < n; i++) pending.Add(buffer[i]);
            }
        }

        static void Send(string text)
        {
            byte[] data = Encoding.UTF8.GetBytes(text + "\n");
            while (data.Length > 0)
            {
                long n = (long)write(channel, data, (IntPtr)data.Length);
                if (n < 0 && Marshal.GetLastWin32Error() == EINTR) continue;
                if (n <= 0) Environment.Exit(1);
                byte[] rest = new byte[data.Length - n];
                Array.Copy(data, n, rest, 0, rest.Length);
                data = rest;
            }
        }

        /// <summary>A JSON number, kept as written.</summary>
        sealed class Number
        {
            public readonly string Text;
            public Number(string text) { Text = text; }
        }

        sealed class Parser
        {
            readonly string text;
            int at;

            public Parser(string text) { this.text = text; }

            char Peek() { return at < text.Length ? text[at] : '\0'; }

            char Next()
            {
                if (at >= text.Length) throw new FormatException("harness: malformed input: unexpected end");
                return text[at++];
            }

            void Space()
            {
                while (at < text.Length && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) at++;
            }

            object Literal(string word, object value)
            {
                if (string.CompareOrdinal(text, at, word, 0, word.Length) != 0)
                    throw new FormatException("harness: malformed input at " + at);
                at += word.Length;
                return value;
            }

            public object Value()
            {
                Space();
                char c = Peek();
                if (c == '[')
                {
                    at++;
                    List<object> items = new List<object>();
                    Space();
                    if (Peek() == ']')
                    {
                        at++;
                        return items;
                    }
                    while (true)
                    {
                        items.Add(Value());
                        Space();
                        char separator = Next();
                        if (separator == ']') return items;
                        if (separator != ',') throw new FormatException("harness: malformed input at " + at);
                    }
                }
                if (c == '"') return String();
                if (c == 't') return Literal("true", true);
                if (c == 'f') return Literal("false", false);
                if (c == 'n') return Literal("null", null);
                int start = at;
                while (at < text.Length && "+-.eE0123456789".IndexOf(text[at]) >= 0) at++;
                if (start == at) throw new FormatException("harness: malformed input at " + at);
                return new Number(text.Substring(start, at - start));
            }

            string String()
            {
                at++;
                StringBuilder b = new StringBuilder();
                while (true)
                {
                    char c = Next();
                    if (c == '"') return b.ToString();
                    if (c != '\\')
                    {
                        b.Append(c);
                        continue;
                    }
                    char e = Next();
                    switch (e)
                    {
                        case 'n': b.Append('\n'); break;
                        case 't': b.Append('\t'); break;
                        case 'r': b.Append('\r'); break;
                        case 'b': b.Append('\b'); break;
                        case 'f': b.Append('\f'); break;
                        case 'u':
                            b.Append((char)int.Parse(text.Substring(at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            at += 4;
                            break;
                        default: b.Append(e); break;
                    }
                }
            }
        }

        static long ToLong(object json)
        {
            string text = ((Number)json).Text;
            long n;
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out n)) return n;
            return (long)ToDouble(json);
        }

        static double ToDouble(object json)
        {
            return double.Parse(((Number)json).Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        /// <summary>A JSON value converted to a parameter's type.</summary>
        static object Convert(object json, Type type)
        {
            if (type == typeof(int)) return (int)ToLong(json);
            if (type == typeof(long)) return ToLong(json);
            if (type == typeof(double)) return ToDouble(json);
            if (type == typeof(bool)) return (bool)json;
            if (type == typeof(string)) return (string)json;
            if (type == typeof(char))
            {
                string s = (string)json;
                return s.Length == 0 ? '\0' : s[0];
            }
            if (type == typeof(global::ListNode)) return ToList((List<object>)json);
            if (type == typeof(global::TreeNode)) return ToTree((List<object>)json);
            List<object> items = (List<object>)json;
            if (type.IsArray)
            {
                Type element = type.GetElementType();
                Array array = Array.CreateInstance(element, items.Count);
                for (int i = 0; i < items.Count; i++) array.SetValue(Convert(items[i], element), i);
                return array;
            }
            if (type.IsGenericType)
            {
                Type element = type.GetGenericArguments()[0];
                IList list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element));
                foreach (object item in items) list.Add(Convert(item, element));
                return list;
            }
            throw new NotSupportedException("harness: cannot take a " + type);
        }

        static global::ListNode ToList(List<object> values)
        {
            global::ListNode head = null;
            for (int i = values.Count - 1; i >= 0; i--)
            {
                global::ListNode node = new global::ListNode((int)ToLong(values[i]));
                node.next = head;
                head = node;
            }
            return head;
        }

        static global::TreeNode ToTree(List<object> values)
        {
            if (values.Count == 0 || values[0] == null) return null;
            global::TreeNode root = new global::TreeNode((int)ToLong(values[0]));
            Queue<global::TreeNode> queue = new Queue<global::TreeNode>();
            queue.Enqueue(root);
            int next = 1;
            while (queue.Count > 0 && next < values.Count)
            {
                global::TreeNode node = queue.Dequeue();
                if (next < values.Count && values[next] != null)
                {
                    node.left = new global::TreeNode((int)ToLong(values[next]));
                    queue.Enqueue(node.left);
                }
                next++;
                if (next < values.Count && values[next] != null)
                {
                    node.right = new global::TreeNode((int)ToLong(values[next]));
                    queue.Enqueue(node.right);
                }
                next++;
            }
            return root;
        }

        static void WriteString(StringBuilder b, string s)
        {
            b.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': b.Append("\\\""); break;
                    case '\\': b.Append("\\\\"); break;
                    case '\n': b.Append("\\n"); break;
                    case '\r': b.Append("\\r"); break;
                    case '\t': b.Append("\\t"); break;
                    default:
                        if (c < 0x20) b.Append("\\u").Append(((int)c).ToString("x4"));
                        else b.Append(c);
                        break;
                }
            }
            b.Append('"');
        }

        /// <summary>A return value written as JSON by its declared type: a null list or node is [].</summary>
        static void Write(StringBuilder b, object value, Type type)
        {
            if (type == typeof(int) || type == typeof(long))
                b.Append(System.Convert.ToInt64(value).ToString(CultureInfo.InvariantCulture));
            else if (type == typeof(double))
            {
                double d = (double)value;
                b.Append(double.IsNaN(d) || double.IsInfinity(d) ? "null" : d.ToString("R", CultureInfo.InvariantCulture));
            }
            else if (type == typeof(bool)) b.Append((bool)value ? "true" : "false");
            else if (type == typeof(string))
            {
                if (value == null) b.Append("null");
                else WriteString(b, (string)value);
            }
            else if (type == typeof(char)) WriteString(b, ((char)value).ToString());
            else if (type == typeof(global::ListNode))
            {
                b.Append('[');
                int count = 0;
                for (global::ListNode node = (global::ListNode)value; node != null; node = node.next)
                {
                    if (++count > MaxNodes) throw new InvalidOperationException("the returned linked list has a cycle");
                    if (count > 1) b.Append(',');
                    b.Append(node.val.ToString(CultureInfo.InvariantCulture));
                }
                b.Append(']');
            }
            else if (type == typeof(global::TreeNode))
            {
                List<global::TreeNode> queue = new List<global::TreeNode>();
                queue.Add((global::TreeNode)value);
                List<string> values = new List<string>();
                for (int i = 0; i < queue.Count; i++)
                {
                    global::TreeNode node = queue[i];
                    if (node == null)
                    {
                        values.Add("null");
                        continue;
                    }
                    if (queue.Count > MaxNodes) throw new InvalidOperationException("the returned tree has a cycle");
                    values.Add(node.val.ToString(CultureInfo.InvariantCulture));
                    queue.Add(node.left);
                    queue.Add(node.right);
                }
                while (values.Count > 0 && values[values.Count - 1] == "null") values.RemoveAt(values.Count - 1);
                b.Append('[').Append(string.Join(",", values)).Append(']');
            }
            else
            {
                Type element = type.IsArray ? type.GetElementType() : type.GetGenericArguments()[0];
                b.Append('[');
                if (value != null)
                {
                    bool first = true;
                    foreach (object item in (IEnumerable)value)
                    {
                        if (!first) b.Append(',');
                        first = false;
                        Write(b, item, element);
                    }
                }
                b.Append(']');
            }
        }

        static MethodInfo Find(Type solution, string name, int arity)
        {
            foreach (MethodInfo method in solution.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.Name == name && method.GetParameters().Length == arity) return method;
            }
            throw new MissingMethodException("Solution", name);
        }

        static void Run(Type solution, string name, int arity)
        {
            MethodInfo method = Find(solution, name, arity);
            ParameterInfo[] parameters = method.GetParameters();
            OpenChannel();
            Send("ready");
            while (true)
            {
                string line = Receive();
                if (line == null) return;
                int space = line.IndexOf(' ');
                string index = line.Substring(0, space);
                List<object> json = (List<object>)new Parser(line.Substring(space + 1)).Value();
                object[] args = new object[parameters.Length];
                for (int i = 0; i < args.Length; i++) args[i] = Convert(json[i], parameters[i].ParameterType);
                string payload;
                try
                {
                    object target = method.IsStatic ? null : Activator.CreateInstance(solution, true);
                    object result = method.Invoke(target, args);
                    StringBuilder b = new StringBuilder();
                    Write(b, result, method.ReturnType);
                    payload = b.ToString();
                }
                catch (Exception caught)
                {
                    Exception error = caught is TargetInvocationException && caught.InnerException != null ? caught.InnerException : caught;
                    Console.Out.Flush();
                    Console.Error.WriteLine(error.ToString());
                    Console.Error.Flush();
                    StringBuilder message = new StringBuilder();
                    WriteString(message, error.GetType().FullName + ": " + error.Message);
                    Send(index + " error " + message);
                    Environment.Exit(1);
                    return;
                }
                // The user's prints go before the answer.
                Console.Out.Flush();
                Send(index + " ok " + payload);
            }
        }

        /// <summary>Serves the tests, calling `name` (with `arity` parameters) on a new `Solution` each time.</summary>
        public static void Serve(Type solution, string name, int arity)
        {
            Exception failure = null;
            Thread worker = new Thread(() =>
            {
                try
                {
                    Run(solution, name, arity);
                }
                catch (Exception caught)
                {
                    failure = caught;
                }
            }, StackBytes);
            worker.Start();
            worker.Join();
            Console.Out.Flush();
            if (failure != null)
            {
                Console.Error.WriteLine(failure.ToString());
                Environment.Exit(1);
            }
            Environment.Exit(0);
        }
    }
}
