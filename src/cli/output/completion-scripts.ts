/**
 * Shell completion scripts. Each asks regdesk for the words to offer (`regdesk __complete WORD…`, the last word being
 * the one completed: src/cli/commands/completion.ts), so the command tree, the regulations and the ticket ids come
 * from the program itself.
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const
export type Shell = (typeof SHELLS)[number]

const BASH = `# regdesk completion for bash: source it, or put it in your bash-completion directory
_regdesk() {
  local IFS=$'\\n'
  COMPREPLY=($(regdesk __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
  # an option's value may be a file: fall back to file names when regdesk offers nothing
  if [ \${#COMPREPLY[@]} -eq 0 ] && [[ "\${COMP_WORDS[COMP_CWORD]}" != -* ]]; then
    COMPREPLY=($(compgen -f -- "\${COMP_WORDS[COMP_CWORD]}"))
  fi
}
complete -o filenames -F _regdesk regdesk
`

const ZSH = `#compdef regdesk
# regdesk completion for zsh: put it in a directory of your fpath as _regdesk
_regdesk() {
  local -a words_offered
  words_offered=("\${(@f)$(regdesk __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if (( \${#words_offered[@]} )) && [[ -n "\${words_offered[1]}" ]]; then
    compadd -a words_offered
  else
    _files
  fi
}
compdef _regdesk regdesk
`

const FISH = `# regdesk completion for fish: put it in ~/.config/fish/completions/regdesk.fish
complete -c regdesk -f -a '(regdesk __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`

export function completionScript(shell: Shell): string {
  return { bash: BASH, zsh: ZSH, fish: FISH }[shell]
}
