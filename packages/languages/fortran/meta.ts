/** Fortran with GFortran: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const fortranMeta = {
  id: 'fortran',
  name: 'Fortran (GFortran)',
  extensions: ['.f90', '.f95', '.f03', '.f08', '.f'],
  // Monaco has no Fortran grammar: plain text.
  monaco: 'plaintext',
  debian: ['gfortran'],
  stdioStarter: 'program main\n  implicit none\n  integer :: n\n  read *, n\n  \nend program main\n',
  sample:
    "program sum\n  implicit none\n  integer(8) :: a, b\n  read *, a, b\n  print '(I0)', a + b\nend program sum\n",
  samples: {
    hello: "program hello\n  print '(A)', 'hello'\nend program hello\n",
    compileError: 'program broken\n  implicit none\n  x = 1\nend program broken\n',
    runtimeError: "program crash\n  print '(A)', 'before'\n  call exit(3)\nend program crash\n",
    timeLimit:
      'program busy\n  implicit none\n  integer(8), volatile :: x\n  x = 0\n  do\n    x = x + 1\n  end do\nend program busy\n',
    memoryLimit:
      'program hog\n  implicit none\n  type block\n    integer(1), allocatable :: bytes(:)\n  end type block\n' +
      '  type(block) :: blocks(1000)\n  integer :: i\n  do i = 1, 1000\n    allocate(blocks(i)%bytes(16 * 1024 * 1024))\n' +
      '    blocks(i)%bytes = 1\n  end do\n  print *, blocks(1000)%bytes(1)\nend program hog\n',
  },
} as const satisfies LanguageMeta;
