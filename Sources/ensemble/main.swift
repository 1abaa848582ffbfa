import EnsembleCLI
import Foundation

exit(await EnsembleCLI.main(arguments: Array(CommandLine.arguments.dropFirst())))
