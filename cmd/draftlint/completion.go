package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

// The bash script asks draftlint itself what may follow the words
// typed so far (urfave/cli answers --generate-bash-completion with the
// commands, or the flags when the word being completed starts with -);
// when it has nothing to offer, file names are completed.
const bashCompletion = `# draftlint completion for bash (and zsh after autoload -U bashcompinit &&
# bashcompinit): source this file, or put it in
# /etc/bash_completion.d/ (draftlint completion bash > /etc/bash_completion.d/draftlint)
_draftlint() {
  local cur words
  cur="${COMP_WORDS[COMP_CWORD]}"
  words=("${COMP_WORDS[@]:0:COMP_CWORD}")
  if [[ "$cur" == -* ]]; then words+=("$cur"); fi
  local IFS=$'\n'
  COMPREPLY=($(compgen -W "$("${words[@]}" --generate-bash-completion 2>/dev/null)" -- "$cur"))
}
complete -o default -o bashdefault -F _draftlint draftlint
`

// printCompletion writes the completion script for the shell named.
func printCompletion(c *cli.Context, w io.Writer) error {
	if c.NArg() != 1 {
		return usagef("completion takes one shell: bash or fish (zsh: the bash script, after bashcompinit)")
	}
	var script string
	switch c.Args().First() {
	case "bash":
		script = bashCompletion
	case "fish":
		s, err := c.App.ToFishCompletion()
		if err != nil {
			return err
		}
		script = s
	default:
		return usagef("completion: no script for %q (bash or fish; zsh: the bash script, after bashcompinit)", c.Args().First())
	}
	_, err := fmt.Fprint(w, script)
	return err
}
