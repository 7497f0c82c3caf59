object Solution {
    def isValid(s: String): Boolean = {
        val stack = scala.collection.mutable.ArrayStack[Char]()
        for (c <- s) {
            c match {
                case '(' => stack.push(')')
                case '[' => stack.push(']')
                case '{' => stack.push('}')
                case _ => if (stack.isEmpty || stack.pop() != c) return false
            }
        }
        stack.isEmpty
    }
}
