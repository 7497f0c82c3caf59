// The Go harness's runtime, pasted into the generated `main.go`: everything above the body marker goes before
// the user's code (the imports, under names of their own so the user's imports never clash), the rest after
// it. It reads each test's JSON arguments with encoding/json, converts them to the parameters' Go types with
// the converters the harness composes per signature, and writes the return value by its dynamic type.

package main

import (
	arbjson "encoding/json"
	arbmath "math"
	arbreflect "reflect"
	arbdebug "runtime/debug"
	arbstrconv "strconv"
	arbstrings "strings"
	arbsyscall "syscall"
)

// arbiter:body

// arbMaxNodes is how many nodes a returned list or tree may have before it is taken for a cycle.
const arbMaxNodes = 5000000

// arbChannel is the worker's channel (protocol.ts), moved off fd 0; fd 0 then reads /dev/null.
var arbChannel = -1
var arbPending []byte

func arbOpenChannel() {
	fd, err := arbsyscall.Dup(0)
	if err != nil {
		panic(err)
	}
	arbChannel = fd
	if null, err := arbsyscall.Open("/dev/null", arbsyscall.O_RDONLY, 0); err == nil {
		_ = arbsyscall.Dup2(null, 0)
		_ = arbsyscall.Close(null)
	}
}

// arbReceive returns the next line from the worker, without its newline; false at end of file.
func arbReceive() ([]byte, bool) {
	buf := make([]byte, 1<<16)
	for {
		for i, c := range arbPending {
			if c == '\n' {
				line := arbPending[:i]
				arbPending = arbPending[i+1:]
				return line, true
			}
		}
		n, err := arbsyscall.Read(arbChannel, buf)
		if err == arbsyscall.EINTR {
			continue
		}
		if n <= 0 {
			return nil, false
		}
		arbPending = append(arbPending, buf[:n]...)
	}
}

// arbSend writes one line to the worker (the user's prints through fmt are unbuffered: they went first).
func arbSend(text string) {
	data := []byte(text + "\n")
	for len(data) > 0 {
		n, err := arbsyscall.Write(arbChannel, data)
		if err == arbsyscall.EINTR {
			continue
		}
		if n <= 0 {
			arbsyscall.Exit(1)
		}
		data = data[n:]
	}
}

// arbArgs parses a test's arguments: one JSON array, numbers kept as written.
func arbArgs(body []byte) []interface{} {
	decoder := arbjson.NewDecoder(arbstrings.NewReader(string(body)))
	decoder.UseNumber()
	var args []interface{}
	if err := decoder.Decode(&args); err != nil {
		panic("harness: malformed input: " + err.Error())
	}
	return args
}

func arbInt(v interface{}) int     { return int(arbInt64(v)) }
func arbFloat(v interface{}) float64 {
	f, err := v.(arbjson.Number).Float64()
	if err != nil {
		panic(err)
	}
	return f
}
func arbInt64(v interface{}) int64 {
	n, err := v.(arbjson.Number).Int64()
	if err != nil {
		return int64(arbFloat(v))
	}
	return n
}
func arbBool(v interface{}) bool     { return v.(bool) }
func arbString(v interface{}) string { return v.(string) }
func arbByte(v interface{}) byte {
	s := v.(string)
	if s == "" {
		return 0
	}
	return s[0]
}

func arbList(v interface{}) *ListNode {
	dummy := &ListNode{}
	tail := dummy
	for _, x := range v.([]interface{}) {
		tail.Next = &ListNode{Val: arbInt(x)}
		tail = tail.Next
	}
	return dummy.Next
}

func arbTree(v interface{}) *TreeNode {
	values := v.([]interface{})
	if len(values) == 0 || values[0] == nil {
		return nil
	}
	root := &TreeNode{Val: arbInt(values[0])}
	queue := []*TreeNode{root}
	next := 1
	for len(queue) > 0 && next < len(values) {
		node := queue[0]
		queue = queue[1:]
		if next < len(values) && values[next] != nil {
			node.Left = &TreeNode{Val: arbInt(values[next])}
			queue = append(queue, node.Left)
		}
		next++
		if next < len(values) && values[next] != nil {
			node.Right = &TreeNode{Val: arbInt(values[next])}
			queue = append(queue, node.Right)
		}
		next++
	}
	return root
}

func arbSlice[T any](v interface{}, item func(interface{}) T) []T {
	values := v.([]interface{})
	out := make([]T, len(values))
	for i, x := range values {
		out[i] = item(x)
	}
	return out
}

func arbWriteString(b *arbstrings.Builder, s string) {
	data, _ := arbjson.Marshal(s)
	b.Write(data)
}

func arbWriteFloat(b *arbstrings.Builder, f float64) {
	if arbmath.IsNaN(f) || arbmath.IsInf(f, 0) {
		b.WriteString("null")
		return
	}
	b.WriteString(arbstrconv.FormatFloat(f, 'g', -1, 64))
}

// arbWrite writes a return value as JSON by its Go type: a byte is a character, a nil slice is [].
func arbWrite(b *arbstrings.Builder, v interface{}) {
	switch x := v.(type) {
	case int:
		b.WriteString(arbstrconv.Itoa(x))
	case int64:
		b.WriteString(arbstrconv.FormatInt(x, 10))
	case int32:
		b.WriteString(arbstrconv.FormatInt(int64(x), 10))
	case float64:
		arbWriteFloat(b, x)
	case bool:
		b.WriteString(arbstrconv.FormatBool(x))
	case string:
		arbWriteString(b, x)
	case byte:
		arbWriteString(b, string([]byte{x}))
	case *ListNode:
		b.WriteByte('[')
		n := 0
		for node := x; node != nil; node = node.Next {
			if n++; n > arbMaxNodes {
				panic("the returned linked list has a cycle")
			}
			if n > 1 {
				b.WriteByte(',')
			}
			b.WriteString(arbstrconv.Itoa(node.Val))
		}
		b.WriteByte(']')
	case *TreeNode:
		queue := []*TreeNode{x}
		values := []string{}
		for i := 0; i < len(queue); i++ {
			node := queue[i]
			if node == nil {
				values = append(values, "null")
				continue
			}
			if len(queue) > arbMaxNodes {
				panic("the returned tree has a cycle")
			}
			values = append(values, arbstrconv.Itoa(node.Val))
			queue = append(queue, node.Left, node.Right)
		}
		for len(values) > 0 && values[len(values)-1] == "null" {
			values = values[:len(values)-1]
		}
		b.WriteString("[" + arbstrings.Join(values, ",") + "]")
	default:
		items := arbreflect.ValueOf(v)
		if items.Kind() != arbreflect.Slice {
			panic("harness: cannot write a " + items.Type().String())
		}
		b.WriteByte('[')
		for i := 0; i < items.Len(); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			arbWrite(b, items.Index(i).Interface())
		}
		b.WriteByte(']')
	}
}

// arbCall runs one test; a panic becomes the test's error, its stack on stderr.
func arbCall(index string, call func() interface{}) (payload string, failure string) {
	defer func() {
		if caught := recover(); caught != nil {
			arbsyscall.Write(2, append([]byte("panic: "+arbMessage(caught)+"\n\n"), arbdebug.Stack()...))
			payload, failure = "", arbMessage(caught)
		}
	}()
	var b arbstrings.Builder
	arbWrite(&b, call())
	return b.String(), ""
}

func arbMessage(caught interface{}) string {
	switch x := caught.(type) {
	case error:
		return x.Error()
	case string:
		return x
	default:
		var b arbstrings.Builder
		b.WriteString(arbreflect.TypeOf(caught).String())
		return b.String()
	}
}

func arbServe(call func(args []interface{}) interface{}) {
	arbOpenChannel()
	arbSend("ready")
	for {
		line, ok := arbReceive()
		if !ok {
			return
		}
		space := arbstrings.IndexByte(string(line), ' ')
		index := string(line[:space])
		args := arbArgs(line[space+1:])
		payload, failure := arbCall(index, func() interface{} { return call(args) })
		if failure != "" {
			var message arbstrings.Builder
			arbWriteString(&message, failure)
			arbSend(index + " error " + message.String())
			arbsyscall.Exit(1)
		}
		arbSend(index + " ok " + payload)
	}
}
