class Solution {
    function numIslands($grid) {
        $count = 0;
        $rows = count($grid);
        for ($i = 0; $i < $rows; $i++) {
            for ($j = 0; $j < count($grid[$i]); $j++) {
                if ($grid[$i][$j] !== '1') continue;
                $count++;
                $grid[$i][$j] = '0';
                $stack = [[$i, $j]];
                while ($stack) {
                    [$r, $c] = array_pop($stack);
                    foreach ([[1, 0], [-1, 0], [0, 1], [0, -1]] as [$dr, $dc]) {
                        $y = $r + $dr;
                        $x = $c + $dc;
                        if ($y >= 0 && $y < $rows && $x >= 0 && $x < count($grid[$y]) && $grid[$y][$x] === '1') {
                            $grid[$y][$x] = '0';
                            $stack[] = [$y, $x];
                        }
                    }
                }
            }
        }
        return $count;
    }
}
