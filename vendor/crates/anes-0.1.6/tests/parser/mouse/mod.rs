mod rxvt;
mod xterm;
