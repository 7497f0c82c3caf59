<?php
// The PHP harness's runtime, pasted after the user's code in `main.php` (so the user's line numbers are the
// file's): LeetCode's ListNode/TreeNode unless the code defines them, the channel to the worker, and JSON
// converted to and from the declared types (the grammar's own spelling, e.g. 'int[][]', 'list<TreeNode>').

if (!class_exists('ListNode', false)) {
    class ListNode
    {
        public $val = 0;
        public $next = null;

        public function __construct($val = 0, $next = null)
        {
            $this->val = $val;
            $this->next = $next;
        }
    }
}

if (!class_exists('TreeNode', false)) {
    class TreeNode
    {
        public $val = null;
        public $left = null;
        public $right = null;

        public function __construct($val = 0, $left = null, $right = null)
        {
            $this->val = $val;
            $this->left = $left;
            $this->right = $right;
        }
    }
}

final class Arbiter
{
    /** Nodes a returned list or tree may have before it is taken for a cycle. */
    private const MAX_NODES = 5000000;

    /** @var resource|null fd 0 once the channel moved off it: /dev/null, kept open. */
    private static $null = null;

    /** The element type of a sequence type ('int[]' -> 'int', 'list<string>' -> 'string'), or null. */
    private static function element(string $type): ?string
    {
        if (substr($type, -2) === '[]') {
            return substr($type, 0, -2);
        }
        if (substr($type, 0, 5) === 'list<') {
            return substr($type, 5, -1);
        }
        return null;
    }

    public static function toPhp(string $type, $value)
    {
        $inner = self::element($type);
        if ($inner !== null) {
            return array_map(fn ($item) => self::toPhp($inner, $item), $value);
        }
        switch ($type) {
            case 'double':
                return (float) $value;
            case 'ListNode':
                $head = null;
                foreach (array_reverse($value) as $item) {
                    $head = new ListNode($item, $head);
                }
                return $head;
            case 'TreeNode':
                return self::toTree($value);
            default:
                return $value;
        }
    }

    private static function toTree(array $values)
    {
        if (count($values) === 0 || $values[0] === null) {
            return null;
        }
        $root = new TreeNode($values[0]);
        $queue = new SplQueue();
        $queue->enqueue($root);
        $i = 1;
        $n = count($values);
        while (!$queue->isEmpty() && $i < $n) {
            $node = $queue->dequeue();
            if ($values[$i] !== null) {
                $node->left = new TreeNode($values[$i]);
                $queue->enqueue($node->left);
            }
            $i++;
            if ($i < $n && $values[$i] !== null) {
                $node->right = new TreeNode($values[$i]);
                $queue->enqueue($node->right);
            }
            $i++;
        }
        return $root;
    }

    /** The return value as plain data: sequences re-indexed (so they stay JSON arrays), scalars cast. */
    public static function fromPhp(string $type, $value)
    {
        $inner = self::element($type);
        if ($inner !== null) {
            return $value === null ? null : array_values(array_map(fn ($item) => self::fromPhp($inner, $item), $value));
        }
        switch ($type) {
            case 'int':
            case 'long':
                return (int) $value;
            case 'double':
                return is_finite((float) $value) ? (float) $value : null;
            case 'bool':
                return (bool) $value;
            case 'string':
            case 'char':
                return (string) $value;
            case 'ListNode':
                $out = [];
                for ($node = $value; $node !== null; $node = $node->next) {
                    $out[] = $node->val;
                    if (count($out) > self::MAX_NODES) {
                        throw new RuntimeException('the returned linked list has a cycle');
                    }
                }
                return $out;
            case 'TreeNode':
                return self::fromTree($value);
            default:
                return $value;
        }
    }

    private static function fromTree($root): array
    {
        $out = [];
        $queue = [$root];
        for ($i = 0; $i < count($queue); $i++) {
            $node = $queue[$i];
            if ($node === null) {
                $out[] = null;
                continue;
            }
            $out[] = $node->val;
            if (count($out) > self::MAX_NODES) {
                throw new RuntimeException('the returned tree has a cycle');
            }
            $queue[] = $node->left;
            $queue[] = $node->right;
        }
        while (count($out) > 0 && end($out) === null) {
            array_pop($out);
        }
        return $out;
    }

    private static function json($value): string
    {
        return json_encode(
            $value,
            JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_INVALID_UTF8_SUBSTITUTE
        );
    }

    /**
     * The channel to the worker (protocol.ts) is fd 0, a socket: duplicated to a descriptor of its own, then
     * fd 0 closed and reopened on /dev/null, so STDIN reads nothing.
     *
     * @return resource
     */
    private static function openChannel()
    {
        $channel = fopen('php://fd/0', 'r+');
        fclose(STDIN);
        self::$null = fopen('/dev/null', 'r');
        return $channel;
    }

    /** @param resource $channel */
    private static function send($channel, string $text): void
    {
        flush();
        fwrite($channel, $text . "\n");
        fflush($channel);
    }

    public static function serve(string $method, array $params, string $returns): void
    {
        $channel = self::openChannel();
        self::send($channel, 'ready');
        while (($line = fgets($channel)) !== false) {
            [$index, $body] = explode(' ', rtrim($line, "\n"), 2);
            $args = [];
            foreach (json_decode($body, true) as $i => $value) {
                $args[] = self::toPhp($params[$i], $value);
            }
            try {
                $result = (new Solution())->{$method}(...$args);
                $payload = self::json(self::fromPhp($returns, $result));
            } catch (Throwable $error) {
                fwrite(STDERR, (string) $error . "\n");
                self::send($channel, $index . ' error ' . self::json(get_class($error) . ': ' . $error->getMessage()));
                exit(1);
            }
            self::send($channel, $index . ' ok ' . $payload);
        }
    }
}
