# The Ruby harness's runtime, pasted after the user's code in `main.rb` (so the user's line numbers are the
# file's): LeetCode's ListNode/TreeNode unless the code defines them, `set` (preloaded there too), the channel
# to the worker, and JSON converted to and from the declared types (the grammar's own spelling, e.g. 'int[][]', 'list<TreeNode>').

require 'json'
require 'set'

unless defined?(ListNode)
  class ListNode
    attr_accessor :val, :next

    def initialize(val = 0, _next = nil)
      @val = val
      @next = _next
    end
  end
end

unless defined?(TreeNode)
  class TreeNode
    attr_accessor :val, :left, :right

    def initialize(val = 0, left = nil, right = nil)
      @val = val
      @left = left
      @right = right
    end
  end
end

module Arbiter
  # Nodes a returned list or tree may have before it is taken for a cycle.
  MAX_NODES = 5_000_000

  module_function

  # The element type of a sequence type ('int[]' -> 'int', 'list<string>' -> 'string'), or nil.
  def element(type)
    return type[0...-2] if type.end_with?('[]')
    return type[5...-1] if type.start_with?('list<')

    nil
  end

  def to_ruby(type, value)
    inner = element(type)
    return value.map { |item| to_ruby(inner, item) } if inner

    case type
    when 'double' then value.to_f
    when 'ListNode' then to_list(value)
    when 'TreeNode' then to_tree(value)
    else value
    end
  end

  def to_list(values)
    head = nil
    values.reverse_each { |value| head = ListNode.new(value, head) }
    head
  end

  def to_tree(values)
    return nil if values.empty? || values[0].nil?

    root = TreeNode.new(values[0])
    queue = [root]
    i = 1
    until queue.empty? || i >= values.length
      node = queue.shift
      unless values[i].nil?
        node.left = TreeNode.new(values[i])
        queue << node.left
      end
      i += 1
      if i < values.length && !values[i].nil?
        node.right = TreeNode.new(values[i])
        queue << node.right
      end
      i += 1
    end
    root
  end

  def from_ruby(type, value)
    inner = element(type)
    return value&.map { |item| from_ruby(inner, item) } if inner

    case type
    when 'double' then value.to_f.finite? ? value.to_f : nil
    when 'ListNode' then from_list(value)
    when 'TreeNode' then from_tree(value)
    else value
    end
  end

  def from_list(head)
    out = []
    until head.nil?
      out << head.val
      raise 'the returned linked list has a cycle' if out.length > MAX_NODES

      head = head.next
    end
    out
  end

  def from_tree(root)
    out = []
    queue = [root]
    i = 0
    while i < queue.length
      node = queue[i]
      i += 1
      if node.nil?
        out << nil
        next
      end
      out << node.val
      raise 'the returned tree has a cycle' if out.length > MAX_NODES

      queue << node.left << node.right
    end
    out.pop while !out.empty? && out[-1].nil?
    out
  end

  # The channel to the worker (protocol.ts) is fd 0, a socket: moved to a descriptor of its own, and fd 0
  # pointed at /dev/null, so gets and STDIN read nothing.
  def open_channel
    channel = IO.for_fd(0, 'r+', autoclose: false).dup
    $stdin.reopen(File.open(File::NULL))
    channel.binmode
    channel
  end

  def send_line(channel, text)
    [$stdout, $stderr].each(&:flush)
    channel.write("#{text}\n")
    channel.flush
  end

  def serve(method, params, returns)
    channel = open_channel
    send_line(channel, 'ready')
    while (line = channel.gets)
      head, body = line.chomp.split(' ', 2)
      args = JSON.parse(body).each_with_index.map { |value, i| to_ruby(params[i], value) }
      begin
        result = TOPLEVEL_BINDING.receiver.send(method, *args)
        payload = JSON.generate(from_ruby(returns, result), quirks_mode: true)
      rescue StandardError, SystemStackError, NoMemoryError => e
        warn(e.full_message(highlight: false))
        send_line(channel, "#{head} error #{JSON.generate("#{e.message} (#{e.class})", quirks_mode: true)}")
        exit!(1)
      end
      send_line(channel, "#{head} ok #{payload}")
    end
  end
end
